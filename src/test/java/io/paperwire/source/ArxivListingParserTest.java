package io.paperwire.source;

import io.paperwire.paper.Paper;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArxivListingParserTest {

    static final LocalDate FETCHED = LocalDate.of(2024, 5, 23);
    private final ArxivListingParser parser = new ArxivListingParser();

    /** The current (2024+) layout of arxiv.org/list/&lt;cat&gt;/new, written by us after its structure. */
    static String currentListing(String... entries) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><title>Machine Learning</title></head><body>
                <div id='dlpage'>
                <h1>Machine Learning</h1>
                <div class='list-dateline'>Showing new listings for Thursday, 23 May 2024</div>
                <dl id='articles'>
                %s
                </dl></div></body></html>
                """.formatted(String.join("\n", entries));
    }

    static String section(String heading) {
        return "<h3>" + heading + "</h3>";
    }

    static String listed(String id, String title, String subjects) {
        return "<dt><a name='item1'>[1]</a> <a href =\"/abs/" + id + "\" title=\"Abstract\" id=\"" + id + "\">arXiv:" + id
                + "</a> [<a href=\"/pdf/" + id + "\" title=\"Download PDF\">pdf</a>]</dt>\n"
                + "<dd><div class='meta'><div class='list-title mathjax'><span class='descriptor'>Title:</span>\n  " + title
                + "\n</div><div class='list-authors'><a href=\"/a/example_a_1\">Ana Example</a>, <a href=\"/a/b\">Bo &Eacute;xample</a></div>"
                + "<div class='list-comments mathjax'><span class='descriptor'>Comments:</span> 9 pages</div>"
                + "<div class='list-subjects'><span class='descriptor'>Subjects:</span> " + subjects + "</div>"
                + "<p class='mathjax'>An abstract\n  across lines.</p></div></dd>";
    }

    @Test
    void readsTheCurrentLayoutWithSectionsAsAnnounceTypes() {
        String html = currentListing(section("New submissions (showing 2 of 2 entries)"),
                listed("2405.11111", "Sparse &lt;Routing&gt;", "<span class=\"primary-subject\">Machine Learning (cs.LG)</span>; Artificial Intelligence (cs.AI)"),
                listed("2405.22222", "Second", "<span class=\"primary-subject\">Machine Learning (cs.LG)</span>"),
                section("Cross submissions (showing 1 of 1 entries)"),
                listed("2405.33333", "Crossed", "<span class=\"primary-subject\">Computation and Language (cs.CL)</span>; Machine Learning (cs.LG)"),
                section("Replacement submissions (showing 1 of 1 entries)"),
                listed("2401.44444", "Replaced", "<span class=\"primary-subject\">Machine Learning (cs.LG)</span>"));

        AnnouncementDay day = parser.parse(SourceKit.utf8(html), "https://arxiv.org/list/cs.LG/new", LocalDate.of(2000, 1, 1));

        assertThat(day.date()).isEqualTo(FETCHED);
        assertThat(day.problems()).isEmpty();
        assertThat(day.items()).extracting(a -> a.paper().id().value() + " " + a.type())
                .containsExactly("2405.11111 new", "2405.22222 new", "2405.33333 cross", "2401.44444 replace");
        Paper paper = day.items().get(0).paper();
        assertThat(paper.title()).isEqualTo("Sparse <Routing>");
        assertThat(paper.authors()).extracting(a -> a.name()).containsExactly("Ana Example", "Bo \u00c9xample");
        assertThat(paper.primaryCategory()).isEqualTo("cs.LG");
        assertThat(paper.categories()).containsExactly("cs.LG", "cs.AI");
        assertThat(paper.comment()).isEqualTo("9 pages");
        assertThat(paper.abstractText()).isEqualTo("An abstract across lines.");
    }

    @Test
    void skipsAnEntryWithoutAbstractLinkAndSaysWhichOne() {
        String html = currentListing(section("New submissions"), "<dt><a name='item1'>[1]</a></dt><dd>nothing</dd>",
                listed("2405.22222", "Second", "Machine Learning (cs.LG)"));

        AnnouncementDay day = parser.parse(SourceKit.utf8(html), "https://arxiv.org/list/cs.LG/new", FETCHED);

        assertThat(day.items()).hasSize(1);
        assertThat(day.problems()).containsExactly("entry 1 skipped: no /abs/ link");
    }

    @Test
    void rejectsAPageThatIsNoListing() {
        assertThatThrownBy(() -> parser.parse(SourceKit.utf8("<html><head><title>Down</title></head><body>Sorry</body></html>"),
                "https://arxiv.org/list/cs.LG/new", FETCHED))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("not an arXiv listing page")
                .hasMessageContaining("'Down'");
    }

    @Test
    @UsesRealRecordings
    void readsTheRealLegacyListing() throws IOException {
        byte[] body = Files.readAllBytes(RealFixtures.folder().resolve("arxiv-list-cs-new-2018-07-20.legacy.html"));

        AnnouncementDay day = parser.parse(body, "https://arxiv.org/list/cs/new", FETCHED);

        assertThat(day.date()).isEqualTo(LocalDate.of(2018, 7, 20));
        assertThat(day.items()).hasSize(87);
        assertThat(day.problems()).isEmpty();
        Paper first = day.items().get(0).paper();
        assertThat(first.id().value()).isEqualTo("1807.07067");
        assertThat(first.title()).isEqualTo("A Fixed-Parameter Linear-Time Algorithm to Compute Principal Typings of Planar Flow Networks");
        assertThat(first.authors()).extracting(a -> a.name()).containsExactly("Assaf Kfoury");
        assertThat(first.primaryCategory()).isEqualTo("cs.DS");
        assertThat(first.abstractText()).startsWith("We present an alternative and simpler method");
        assertThat(day.items().get(1).paper().authors().get(0).name()).isEqualTo("\u00c9tienne Andr\u00e9");
        Map<String, Long> perType = day.items().stream()
                .collect(Collectors.groupingBy(AnnouncementDay.Announcement::type, Collectors.counting()));
        assertThat(perType).containsKeys("new", "cross", "replace");
        assertThat(day.items()).allSatisfy(a -> assertThat(a.paper().title()).isNotBlank().doesNotStartWith("Title:"));
    }
}
