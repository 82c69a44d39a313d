package io.paperwire.source;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PaperMergerTest {

    static final Instant MONDAY = Instant.parse("2024-05-20T10:00:00Z");

    static Paper paper(String id, int version, String title, List<String> categories, Signals signals) {
        return new Paper(ArxivId.of(id), version, title, "Abstract of " + title, List.of(Author.named("Ana")),
                categories.isEmpty() ? "" : categories.get(0), categories, MONDAY, MONDAY, "", "", "", signals);
    }

    static Signals upvotes(int n, String repo) {
        return new Signals(true, n, 1, repo, "", "", List.of());
    }

    private final PaperMerger merger = new PaperMerger();

    @Test
    void keepsOnePaperPerIdWithTheNewestTextAndEverySignal() {
        SourceResult arxiv = new SourceResult("arXiv API", List.of(paper("2405.10001", 2, "Version Two", List.of("cs.LG"),
                Signals.NONE)), List.of(), Map.of(), 1);
        SourceResult rss = new SourceResult("arXiv RSS", List.of(paper("2405.10001", 1, "Version One",
                List.of("cs.LG", "stat.ML"), Signals.NONE)), List.of(), Map.of(), 1);
        SourceResult daily = new SourceResult("Hugging Face", List.of(paper("2405.10001", 0, "HF copy", List.of(),
                upvotes(12, "https://github.com/x/y"))), List.of(), Map.of("featured more than once", 2), 7);
        SourceResult trending = new SourceResult("Hugging Face trending", List.of(paper("2405.10001", 0, "HF copy",
                List.of(), upvotes(40, ""))), List.of(), Map.of(), 1);

        PaperMerger.Merged merged = merger.merge(List.of(arxiv, rss, daily, trending), SourceKit.WEEK);

        assertThat(merged.papers()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.title()).isEqualTo("Version Two");
            assertThat(p.categories()).containsExactly("cs.LG", "stat.ML");
            assertThat(p.signals().upvotes()).isEqualTo(40);
            assertThat(p.signals().githubRepo()).isEqualTo("https://github.com/x/y");
        });
        assertThat(merged.dropped()).containsExactly(Map.entry("Hugging Face: featured more than once", 2));
    }

    @Test
    void aPaperOnlyHuggingFaceFeaturedIsKeptOnlyWhenSubmittedInTheWeeksWindow() {
        Instant before = Instant.parse("2024-05-16T17:59:00Z");
        Instant inside = Instant.parse("2024-05-16T18:00:00Z");
        SourceResult rss = new SourceResult("arXiv RSS", List.of(dated("2405.10003", before)), List.of(), Map.of(), 1);
        SourceResult daily = new SourceResult("Hugging Face", List.of(dated("2405.10001", before),
                dated("2405.10002", inside), dated("2405.10003", before)), List.of(), Map.of(), 7);

        PaperMerger.Merged merged = merger.merge(List.of(rss, daily), SourceKit.WEEK);

        assertThat(merged.papers()).extracting(p -> p.id().toString())
                .as("the older paper only on Hugging Face belongs to an earlier issue; the one arXiv listed this week stays")
                .containsExactly("2405.10003", "2405.10002");
        assertThat(merged.dropped()).containsExactly(
                Map.entry("only on Hugging Face, submitted outside the window of 2024-W21", 1));
    }

    private static Paper dated(String id, Instant submitted) {
        return new Paper(ArxivId.of(id), 1, "Paper " + id, "Abstract.", List.of(Author.named("Ana")), "cs.LG",
                List.of("cs.LG"), submitted, submitted, "", "", "", upvotes(5, ""));
    }

    @Test
    void aNewerVersionFromALaterSourceReplacesTheTextButKeepsWhatOnlyTheOlderHad() {
        Paper older = new Paper(ArxivId.of("2405.10001"), 1, "Old", "Old abstract.", List.of(Author.named("Ana")),
                "cs.LG", List.of("cs.LG"), MONDAY, MONDAY, "9 pages", "", "10.1/x", Signals.NONE);
        Paper newer = new Paper(ArxivId.of("2405.10001"), 3, "New", "New abstract.", List.of(), "", List.of("cs.AI"),
                null, null, "", "J. Ex. 2024", "", Signals.NONE);

        Paper merged = PaperMerger.combine(older, newer);

        assertThat(merged.version()).isEqualTo(3);
        assertThat(merged.title()).isEqualTo("New");
        assertThat(merged.abstractText()).isEqualTo("New abstract.");
        assertThat(merged.authors()).extracting(Author::name).containsExactly("Ana");
        assertThat(merged.primaryCategory()).isEqualTo("cs.LG");
        assertThat(merged.categories()).containsExactly("cs.AI", "cs.LG");
        assertThat(merged.published()).isEqualTo(MONDAY);
        assertThat(merged.comment()).isEqualTo("9 pages");
        assertThat(merged.journalRef()).isEqualTo("J. Ex. 2024");
        assertThat(merged.doi()).isEqualTo("10.1/x");
    }

    @Test
    void recognisesWithdrawnPapersByTheirCommentOrAbstractOnly() {
        Paper withdrawn = new Paper(ArxivId.of("2405.10001"), 2, "T", "A.", List.of(), "", List.of(), MONDAY, MONDAY,
                "This paper has been withdrawn by the author", "", "", Signals.NONE);
        Paper aboutWithdrawal = paper("2405.10002", 1, "Modelling withdrawn drugs", List.of(), Signals.NONE);

        assertThat(PaperMerger.isWithdrawn(withdrawn)).isTrue();
        assertThat(PaperMerger.isWithdrawn(aboutWithdrawal)).isFalse();
    }
}
