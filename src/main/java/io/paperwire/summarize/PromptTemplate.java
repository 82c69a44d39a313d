package io.paperwire.summarize;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.paperwire.paper.Paper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The editor-owned prompt, {@code templates/prompts/summarize.ftl}: read from the home folder's {@code templates/}
 * when present, else the bundled copy; parsed once at start so a broken template stops Paperwire before any call.
 * The paper's text goes in only as data, with anything that looks like the prompt's own delimiters removed.
 */
public final class PromptTemplate {

    public static final String NAME = "prompts/summarize.ftl";
    static final String SEPARATOR = "=== paper ===";
    private static final Pattern DELIMITER = Pattern.compile("(?i)</?\\s*paper_[a-z]*[^>]*>|" + Pattern.quote(SEPARATOR));

    /** The system and user messages of one request. */
    public record Prompt(String system, String user) {}

    private final String source;
    private final String location;
    private final Template template;

    PromptTemplate(String source, String location) {
        this.source = source;
        this.location = location;
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        try {
            this.template = new Template(NAME, new StringReader(source), configuration);
        } catch (IOException e) {
            throw new IllegalArgumentException("prompt template " + location + " does not parse: " + e.getMessage(), e);
        }
        if (!source.contains(SEPARATOR)) {
            throw new IllegalArgumentException("prompt template " + location + " must contain the line '" + SEPARATOR
                    + "' between the instructions (system message) and the paper (user message)");
        }
    }

    /** The editor's template in {@code templatesFolder} if there is one, else the bundled default. */
    public static PromptTemplate load(Path templatesFolder) {
        Path file = templatesFolder.resolve(NAME);
        try {
            if (Files.isRegularFile(file)) {
                return new PromptTemplate(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream("templates/" + NAME)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled templates/" + NAME + " is missing from the jar");
                }
                return new PromptTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8), "templates/" + NAME + " (bundled)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt template " + file, e);
        }
    }

    public static PromptTemplate of(String source) {
        return new PromptTemplate(source, "(given)");
    }

    /** Changes whenever the template text or the model changes: part of the summary cache key. */
    public String hash(String model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Prompt render(Paper paper, Summarizer.Depth depth) {
        Map<String, Object> model = Map.of(
                "depth", depth.name(),
                "title", asData(paper.title()),
                "authors", asData(paper.authorNames()),
                "categories", asData(String.join(" ", paper.categories().isEmpty() ? java.util.List.of(paper.primaryCategory()) : paper.categories())),
                "abstract", asData(paper.abstractText()));
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("prompt template " + location + ": " + e.getMessage(), e);
        }
        String text = out.toString();
        int at = text.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalStateException("prompt template " + location + " rendered no '" + SEPARATOR + "' line");
        }
        return new Prompt(text.substring(0, at).strip(), text.substring(at + SEPARATOR.length()).strip());
    }

    /** Untrusted text as it may appear inside the delimiters: no delimiter look-alikes, no control characters. */
    static String asData(String text) {
        String cleaned = DELIMITER.matcher(text == null ? "" : text).replaceAll(" ");
        return cleaned.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }
}
