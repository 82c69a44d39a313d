package io.paperwire.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every title and abstract of the real arXiv and Hugging Face recordings comes out of {@code mathText} without TeX. */
@UsesRealRecordings
public class RealTitlesMathTextTest {

    @Test
    void everyRealTitleAndAbstractLosesItsTex(@TempDir Path templates) throws IOException {
        List<String> texts = realTitlesAndAbstracts();
        long withTex = texts.stream().filter(t -> SampleWeekMathIT.TEX.matcher(t).find()).count();
        assertThat(withTex).as("recordings with LaTeX to convert").isGreaterThan(10);

        Files.writeString(templates.resolve("t.ftlh"), "<p>${mathText(text)}</p>");
        Files.writeString(templates.resolve("t.ftl"), "${mathText(text)}");
        TemplateEngine engine = new TemplateEngine(templates);
        List<String> failures = new ArrayList<>();
        for (String text : texts) {
            String html = Jsoup.parse(engine.render("t.ftlh", Map.of("text", text))).text();
            String plain = engine.render("t.ftl", Map.of("text", text));
            for (String rendered : List.of(html, plain)) {
                List<String> left = SampleWeekMathIT.texIn(rendered);
                if (!left.isEmpty()) {
                    failures.add(left + " in: " + rendered);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Every title and abstract of the arXiv feeds and Hugging Face lists in the recordings (caller carries the tag). */
    public static List<String> realTitlesAndAbstracts() throws IOException {
        Path real = RealFixtures.folder();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(real)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".atom.xml")) {
                    Document feed = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                    feed.select("entry > title, entry > summary").forEach(e -> texts.add(e.text()));
                } else if (name.endsWith(".rss.xml")) {
                    Document feed = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                    feed.select("item > title, item > description").forEach(e -> texts.add(e.text()));
                } else if (name.startsWith("hf-daily-papers") && name.endsWith(".json")) {
                    collect(new ObjectMapper().readTree(file.toFile()), texts);
                }
            }
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        node.fields().forEachRemaining(field -> {
            if ((field.getKey().equals("title") || field.getKey().equals("summary")) && field.getValue().isTextual()) {
                texts.add(field.getValue().asText());
            }
        });
        node.forEach(child -> collect(child, texts));
    }
}
