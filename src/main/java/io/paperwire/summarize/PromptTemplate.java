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
 * An editor-owned prompt, {@code templates/prompts/summarize.ftl} (or another under {@code prompts/}, such as the
 * roundups' {@code roundup.ftl}): read from the home folder's {@code templates/}
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
        this(NAME, source, location);
    }

    private PromptTemplate(String name, String source, String location) {
        this.source = source;
        this.location = location;
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        try {
            this.template = new Template(name, new StringReader(source), configuration);
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
        return load(templatesFolder, NAME);
    }

    /**
     * The editor's template {@code name} (e.g. {@code prompts/roundup.ftl}) in {@code templatesFolder} if there is
     * one, else the bundled default.
     *
     * @throws IllegalArgumentException naming the file when it does not parse or lacks the separator line
     */
    public static PromptTemplate load(Path templatesFolder, String name) {
        Path file = templatesFolder.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return new PromptTemplate(name, Files.readString(file, StandardCharsets.UTF_8), file.toString());
            }
            try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream("templates/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled templates/" + name + " is missing from the jar");
                }
                return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "templates/" + name + " (bundled)");
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
        return render(Map.of(
                "depth", depth.name(),
                "title", asData(paper.title()),
                "authors", asData(paper.authorNames()),
                "categories", asData(String.join(" ", paper.categories().isEmpty() ? java.util.List.of(paper.primaryCategory()) : paper.categories())),
                "abstract", asData(paper.abstractText())));
    }

    /** The messages for this data; untrusted text in it must have gone through {@link #asData} first. */
    public Prompt render(Map<String, ?> model) {
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
    public static String asData(String text) {
        String cleaned = DELIMITER.matcher(text == null ? "" : text).replaceAll(" ");
        return cleaned.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }
}
