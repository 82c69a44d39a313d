package io.paperwire.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.testing.Eml;
import io.paperwire.testing.SampleRun;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample week's LaTeX reaches the email, subject, feeds and search index as Unicode text, not as TeX. */
class SampleWeekMathIT {

    /** Inline math between dollars, or any TeX command. */
    static final Pattern TEX = Pattern.compile("\\$[^$\\s][^$]*\\$|\\\\[a-zA-Z]+");

    static Path home;
    static MimeMessage message;

    @BeforeAll
    static void runTheSampleWeek() throws Exception {
        home = SampleRun.home();
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            message = Eml.read(files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow());
        }
    }

    @Test
    void theSampleWeekHasMathToConvert() throws Exception {
        String issuePage = Files.readString(home.resolve("out/site/issues/2024-W21.html"));
        assertThat(TEX.matcher(Jsoup.parse(issuePage).text()).find())
                .as("the site keeps the TeX source (so this test has math to look for)").isTrue();
    }

    @Test
    void noTexIsLeftInTheEmailPartsNorTheSubject() throws Exception {
        assertThat(texIn(Jsoup.parse(Eml.part(message, "text/html")).text())).as("HTML part").isEmpty();
        assertThat(texIn(Eml.part(message, "text/plain"))).as("plain-text part").isEmpty();
        assertThat(texIn(message.getSubject())).as("subject").isEmpty();
    }

    @Test
    void noTexIsLeftInTheFeedsNorTheSearchIndex() throws Exception {
        Path site = home.resolve("out/site");
        String atom = Files.readString(site.resolve("feed.xml"));
        StringBuilder atomText = new StringBuilder();
        Jsoup.parse(atom, "", Parser.xmlParser()).select("content, title, summary")
                .forEach(e -> atomText.append(Jsoup.parse(e.text()).text()).append('\n'));
        assertThat(texIn(atomText.toString())).as("Atom feed").isEmpty();
        assertThat(texIn(jsonText(site.resolve("feed.json")))).as("JSON feed").isEmpty();
        assertThat(texIn(jsonText(site.resolve("search.json")))).as("search index").isEmpty();
    }

    static List<String> texIn(String text) {
        List<String> found = new ArrayList<>();
        TEX.matcher(text).results().forEach(m -> found.add(m.group()));
        return found;
    }

    /** Every string value of a JSON file, HTML values reduced to their text. */
    private static String jsonText(Path file) throws Exception {
        StringBuilder out = new StringBuilder();
        collect(new ObjectMapper().readTree(file.toFile()), out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            out.append(Jsoup.parse(node.asText()).text()).append('\n');
        }
        node.forEach(child -> collect(child, out));
    }
}
