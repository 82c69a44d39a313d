package io.paperwire.source;

import io.paperwire.paper.Paper;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ArxivRssParserTest {

    private final ArxivRssParser parser = new ArxivRssParser();

    public static String feed(String pubDate, String... items) {
        return """
                <?xml version='1.0' encoding='UTF-8'?>
                <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
                  <channel>
                    <title>cs.AI+cs.LG updates on arXiv.org</title>
                    <pubDate>%s</pubDate>
                %s
                  </channel>
                </rss>
                """.formatted(pubDate, String.join("\n", items));
    }

    public static String item(String id, int version, String type, String title, String abstractText, String... categories) {
        StringBuilder cats = new StringBuilder();
        for (String c : categories) {
            cats.append("      <category>").append(c).append("</category>\n");
        }
        return "    <item>\n      <title>" + title + "</title>\n      <link>https://arxiv.org/abs/" + id + "</link>\n"
                + "      <description>arXiv:" + id + "v" + version + " Announce Type: " + type + " \nAbstract: "
                + abstractText + "</description>\n      <guid isPermaLink=\"false\">oai:arXiv.org:" + id + "v" + version
                + "</guid>\n" + cats + "      <arxiv:announce_type>" + type + "</arxiv:announce_type>\n"
                + "      <dc:creator>Ana Example, Bo Example and Cy Example</dc:creator>\n    </item>";
    }

    @Test
    void readsEachAnnouncedPaperWithItsAnnounceType() {
        AnnouncementDay day = parser.parse(SourceKit.utf8(feed("Tue, 21 May 2024 00:00:00 -0400",
                item("2405.11111", 1, "new", "Fresh &lt;b&gt;Work&lt;/b&gt;", "We do  a\n  thing.", "cs.LG", "cs.AI"),
                item("2405.22222", 3, "replace-cross", "Revised", "Changed.", "stat.ML", "cs.LG"))));

        assertThat(day.date()).isEqualTo(LocalDate.of(2024, 5, 21));
        assertThat(day.problems()).isEmpty();
        assertThat(day.items()).extracting(AnnouncementDay.Announcement::type).containsExactly("new", "replace-cross");
        Paper paper = day.items().get(0).paper();
        assertThat(paper.id().value()).isEqualTo("2405.11111");
        assertThat(paper.version()).isEqualTo(1);
        assertThat(paper.title()).isEqualTo("Fresh <b>Work</b>");
        assertThat(paper.abstractText()).isEqualTo("We do a thing.");
        assertThat(paper.authors()).extracting(a -> a.name()).containsExactly("Ana Example", "Bo Example", "Cy Example");
        assertThat(paper.categories()).containsExactly("cs.LG", "cs.AI");
        assertThat(paper.published()).isEqualTo(Instant.parse("2024-05-21T04:00:00Z"));
        assertThat(day.items().get(1).paper().version()).isEqualTo(3);
    }

    @Test
    void skipsAnItemWithoutIdAndSaysWhichOne() {
        AnnouncementDay day = parser.parse(SourceKit.utf8(feed("Tue, 21 May 2024 00:00:00 -0400",
                item("2405.11111", 1, "new", "Fine", "Text.", "cs.LG"),
                "    <item><title>No id anywhere</title><description>Just words.</description></item>")));

        assertThat(day.items()).hasSize(1);
        assertThat(day.problems()).singleElement().asString().startsWith("item 2 skipped:");
    }

    @Test
    void rejectsSomethingThatIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse(SourceKit.utf8(SourceFaultsTest.HTML_ERROR_PAGE)))
                .isInstanceOf(MalformedResponseException.class).hasMessageStartingWith("malformed RSS XML at line");
        assertThatThrownBy(() -> parser.parse(SourceKit.utf8("<feed><entry/></feed>")))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("expected an RSS <rss> feed");
    }

    @Test
    @UsesRealRecordings
    void readsTheRealStatFeedWithAllFourAnnounceTypes() throws IOException {
        byte[] body = Files.readAllBytes(RealFixtures.folder().resolve("arxiv-rss-stat-2024-03-26.rss.xml"));

        AnnouncementDay day = parser.parse(body);

        assertThat(day.date()).isEqualTo(LocalDate.of(2024, 3, 26));
        assertThat(day.problems()).isEmpty();
        Map<String, Long> perType = day.items().stream()
                .collect(Collectors.groupingBy(AnnouncementDay.Announcement::type, Collectors.counting()));
        assertThat(perType).containsExactlyInAnyOrderEntriesOf(Map.of("new", 35L, "cross", 27L, "replace", 41L,
                "replace-cross", 20L));
        assertThat(day.items()).allSatisfy(a -> {
            assertThat(a.paper().title()).isNotBlank().doesNotContain("\n");
            assertThat(a.paper().abstractText()).isNotBlank().doesNotStartWith("arXiv:").doesNotContain("Announce Type");
            assertThat(a.paper().authors()).isNotEmpty();
            assertThat(a.paper().version()).isPositive();
            assertThat(a.paper().published()).isEqualTo(Instant.parse("2024-03-26T04:00:00Z"));
        });
        assertThat(day.items().stream().map(a -> a.paper().id()).collect(Collectors.toSet())).hasSize(123);
        assertThat(day.items().stream().filter(a -> a.paper().version() > 1)).hasSize(61);
    }

    @Test
    @UsesRealRecordings
    void readsTheRealCurrentFeedsAndTheEmptyWeekendFeed() throws IOException {
        var folder = RealFixtures.folder();
        AnnouncementDay ai = parser.parse(Files.readAllBytes(folder.resolve("arxiv-rss-cs.AI-2026-04-27.trimmed.rss.xml")));
        AnnouncementDay weekend = parser.parse(Files.readAllBytes(folder.resolve("arxiv-rss-cs.CL-weekend-empty-2026-08-01.rss.xml")));

        assertThat(ai.date()).isEqualTo(LocalDate.of(2026, 4, 27));
        Paper first = ai.items().get(0).paper();
        assertThat(first.id().value()).isEqualTo("2604.21935");
        assertThat(first.title()).isEqualTo("Math Takes Two: A test for emergent mathematical reasoning in communication");
        assertThat(first.abstractText()).startsWith("Although language models demonstrate remarkable proficiency");
        assertThat(first.authors()).extracting(a -> a.name()).containsExactly("Michael Cooper", "Samuel Cooper");
        assertThat(first.categories()).containsExactly("cs.AI", "cs.LG");
        assertThat(ai.items()).extracting(AnnouncementDay.Announcement::type).containsOnly("new");
        assertThat(weekend.items()).isEmpty();
        assertThat(weekend.date()).isEqualTo(LocalDate.of(2026, 8, 1));
    }

}
