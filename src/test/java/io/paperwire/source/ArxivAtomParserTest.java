package io.paperwire.source;

import io.paperwire.paper.Paper;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArxivAtomParserTest {

    private final ArxivAtomParser parser = new ArxivAtomParser();

    private ArxivAtomParser.Page fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/arxiv/" + name)) {
            return parser.parse(in);
        }
    }

    @Test
    void readsEveryFieldTheNewsletterNeeds() throws IOException {
        ArxivAtomParser.Page page = fixture("three-entries-one-broken.atom.xml");

        assertThat(page.totalResults()).isEqualTo(3);
        Paper paper = page.papers().get(0);
        assertThat(paper.id().value()).isEqualTo("2405.10001");
        assertThat(paper.version()).isEqualTo(2);
        assertThat(paper.title()).isEqualTo("Folding Tables: Sparse Routing for Tabular Language Models");
        assertThat(paper.abstractText()).startsWith("We study how language models read tables. Tables are everywhere")
                .doesNotContain("\n").doesNotContain("  ");
        assertThat(paper.authors()).extracting(a -> a.name()).containsExactly("Ana Müller", "Bo Zhang");
        assertThat(paper.authors().get(0).affiliation()).isEqualTo("Example University");
        assertThat(paper.primaryCategory()).isEqualTo("cs.LG");
        assertThat(paper.categories()).containsExactly("cs.LG", "cs.CL");
        assertThat(paper.published()).isEqualTo(Instant.parse("2024-05-20T17:59:01Z"));
        assertThat(paper.updated()).isEqualTo(Instant.parse("2024-05-22T09:15:00Z"));
        assertThat(paper.comment()).isEqualTo("9 pages, 4 figures");
        assertThat(paper.journalRef()).isEqualTo("Proc. Imaginary Workshop 2024");
        assertThat(paper.doi()).isEqualTo("10.0000/paperwire.fixture.1");
        assertThat(paper.absUrl()).isEqualTo("https://arxiv.org/abs/2405.10001");
    }

    @Test
    void skipsAnEntryWithoutIdAndSaysWhichOne() throws IOException {
        ArxivAtomParser.Page page = fixture("three-entries-one-broken.atom.xml");

        assertThat(page.papers()).extracting(p -> p.id().value()).containsExactly("2405.10001", "2405.10002");
        assertThat(page.problems()).singleElement().asString().contains("entry 2").contains("no <id>");
    }

    @Test
    void keepsMarkupInTitlesAsPlainText() throws IOException {
        Paper paper = fixture("three-entries-one-broken.atom.xml").papers().get(1);

        assertThat(paper.title()).isEqualTo("<script>alert(1)</script> Escaping Titles & Abstracts");
        assertThat(paper.abstractText()).contains("<b>bold</b>").contains("$O(n \\log n)$");
    }

    @Test
    void rejectsMalformedXmlWithLineAndColumn() {
        String truncated = "<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <entry><id>x</id>\n";

        assertThatThrownBy(() -> parser.parse(stream(truncated)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("malformed Atom XML at line");
    }

    @Test
    void rejectsAnHtmlErrorPageServedAsSuccess() {
        String html = "<html><head><title>Oops</title></head><body>Service unavailable</body></html>";

        assertThatThrownBy(() -> parser.parse(stream(html)))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("expected an Atom <feed>").hasMessageContaining("<html>");
    }

    @Test
    @UsesRealRecordings
    void parsesEveryRealRecordingOfTheApi() throws IOException {
        Path folder = RealFixtures.folder();
        List<Path> feeds;
        try (Stream<Path> files = Files.list(folder)) {
            feeds = files.filter(f -> f.getFileName().toString().matches("arxiv-api-query-.*\\.atom\\.xml")).sorted().toList();
        }
        assertThat(feeds).isNotEmpty();
        for (Path feed : feeds) {
            String xml = Files.readString(feed, StandardCharsets.UTF_8);
            ArxivAtomParser.Page page;
            try (InputStream in = Files.newInputStream(feed)) {
                page = parser.parse(in);
            }
            assertThat(page.papers()).as(feed.getFileName().toString()).hasSize(count(xml, "<entry>"));
            assertThat(page.problems()).as(feed.getFileName().toString()).isEmpty();
            assertThat(page.papers()).allSatisfy(p -> {
                assertThat(p.title()).isNotBlank().doesNotContain("\n");
                assertThat(p.abstractText()).isNotBlank().doesNotContain("\n");
                assertThat(p.authors()).isNotEmpty();
                assertThat(p.published()).isNotNull();
                assertThat(p.version()).isPositive();
            });
        }
    }

    @Test
    @UsesRealRecordings
    void turnsTheRealApiErrorFeedIntoAnError() throws IOException {
        Path error = RealFixtures.folder().resolve("arxiv-api-error-400-bad-id.atom.xml");

        try (InputStream in = Files.newInputStream(error)) {
            assertThatThrownBy(() -> parser.parse(in))
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("incorrect id format for abc");
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
