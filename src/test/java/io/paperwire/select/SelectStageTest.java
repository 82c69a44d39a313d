package io.paperwire.select;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Signals;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.Week;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectStageTest {

    private static final Week WEEK = Week.parse("2024-W21");
    private static final SelectionSettings KEYWORDS = SelectionSettings.keywords(List.of("reasoning", "diffusion"), 2, 2);

    @TempDir
    Path home;

    private static Paper paper(String id, String title, int upvotes, String published) {
        return paper(id, title, "An abstract.", upvotes, 0, published, List.of());
    }

    private static Paper paper(String id, String title, String abstractText, int upvotes, int comments, String published,
                               List<String> authors) {
        Signals signals = upvotes < 0 ? Signals.NONE : new Signals(true, upvotes, comments, "", "", "", List.of());
        return new Paper(ArxivId.of(id), 1, title, abstractText, authors.stream().map(Author::named).toList(), "cs.LG",
                List.of("cs.LG"), Instant.parse(published), null, null, null, null, signals);
    }

    private static Selection select(SelectStage stage, List<Paper> papers) {
        return stage.select(new Candidates(RunRequest.of(WEEK), papers, SourceReport.empty()));
    }

    private static List<String> ids(Selection selection) {
        return selection.papers().map(p -> p.paper().id().value()).toList();
    }

    /** Vectors by a word each text contains: texts mentioning "reasoning" point one way, "crops" another. */
    private static Embedder byTopic(Map<String, float[]> topics) {
        return texts -> texts.stream().map(t -> topics.entrySet().stream()
                .filter(e -> t.toLowerCase().contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(new float[] {0, 0, 1})).toList();
    }

    @Test
    void combinesCommunityProfileAndRecencyIntoOneScore() {
        Selection selection = select(new SelectStage(KEYWORDS, () -> null), List.of(
                paper("2405.00001", "Plain old paper", -1, "2024-05-24T10:00:00Z"),
                paper("2405.00002", "Reasoning with diffusion", -1, "2024-05-20T10:00:00Z"),
                paper("2405.00003", "Popular paper", 50, "2024-05-20T10:00:00Z"),
                paper("2405.00004", "More popular paper", 90, "2024-05-20T10:00:00Z"),
                paper("2405.00005", "Reasoning only", -1, "2024-05-22T10:00:00Z")));

        assertThat(ids(selection)).containsExactly("2405.00004", "2405.00003", "2405.00002", "2405.00005");
        assertThat(selection.sections()).extracting(s -> s.key()).containsExactly(SectionKey.HIGHLIGHTS, SectionKey.NOTEWORTHY);
        assertThat(selection.sections().get(0).papers()).hasSize(2);
        assertThat(selection.papers().map(SelectedPaper::score).toList()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void explainsEveryPartOfTheScoreWithItsPoints() {
        SelectStage stage = new SelectStage(KEYWORDS.withInterests(List.of("cs.LG"), List.of("Ada Lovelace"), "", false),
                () -> null);
        Selection selection = select(stage, List.of(
                paper("2405.00002", "Reasoning with diffusion", "An abstract.", 3, 1, "2024-05-20T10:00:00Z",
                        List.of("Ada  LOVELACE")),
                paper("2405.00003", "Popular paper", "An abstract.", 50, 4, "2024-05-21T12:00:00Z", List.of())));

        SelectedPaper popular = selection.papers().findFirst().orElseThrow();
        SelectedPaper followed = selection.papers().skip(1).findFirst().orElseThrow();
        assertThat(followed.paper().id().value()).isEqualTo("2405.00002");
        assertThat(followed.reasons()).contains("rank 2", "matches interests: reasoning, diffusion", "followed category cs.LG",
                "by followed author Ada  LOVELACE", "profile match (+20.0)");
        assertThat(popular.reasons()).contains("rank 1", "50 upvotes on Hugging Face Daily Papers, 4 comments (+50.0)",
                "profile match (+4.0)", "submitted 2024-05-21 (+6.8)");
        assertThat(followed.reasons()).anySatisfy(r -> assertThat(r).startsWith("3 upvotes on Hugging Face Daily Papers, 1 comment (+22.0)"));
        // submitted 114 h after the window opened on Thursday 2024-05-16 14:00 EDT, of its 168 h
        assertThat(popular.score()).isEqualTo(50.0 + 4.0 + 10 * (114.0 / (7 * 24)), org.assertj.core.data.Offset.offset(0.001));
        assertThat(popular.score()).isGreaterThan(followed.score());
    }

    @Test
    void aCloseMeaningToTheInterestsLiftsAPaper() {
        Embedder topics = byTopic(Map.of("planning", new float[] {1, 0, 0}, "crops", new float[] {0, 1, 0}));
        SelectStage stage = new SelectStage(KEYWORDS.withInterests(List.of(), List.of(), "Planning with language models", true),
                () -> topics);

        Selection selection = select(stage, List.of(
                paper("2405.00001", "Yield forecasting", "We forecast crops from satellite data.", 10, 0, "2024-05-21T10:00:00Z", List.of()),
                paper("2405.00002", "Better plans", "We study planning in agents.", 10, 0, "2024-05-21T10:00:00Z", List.of())));

        assertThat(ids(selection)).containsExactly("2405.00002", "2405.00001");
        assertThat(selection.papers().findFirst().orElseThrow().reasons())
                .contains("meaning close to the interests (similarity 1.00) (+20.0)");
    }

    @Test
    void collapsesNearDuplicatesIntoTheBetterScoredPaper() {
        Embedder topics = byTopic(Map.of("same work", new float[] {1, 0.01f, 0}, "other", new float[] {0, 1, 0}));
        SelectStage stage = new SelectStage(KEYWORDS.withInterests(List.of(), List.of(), "anything", true), () -> topics);

        Selection selection = select(stage, List.of(
                paper("2405.00001", "Scaling Laws for Sparse Mixtures of Experts", 40, "2024-05-21T10:00:00Z"),
                paper("2405.00002", "Scaling laws for sparse mixtures-of-experts", 10, "2024-05-21T10:00:00Z"),
                paper("2405.00003", "A", "The same work, reworded.", 30, 0, "2024-05-21T10:00:00Z", List.of()),
                paper("2405.00004", "B", "The same work again.", 20, 0, "2024-05-21T10:00:00Z", List.of()),
                paper("2405.00005", "C", "Some other study.", 5, 0, "2024-05-21T10:00:00Z", List.of())));

        assertThat(ids(selection)).containsExactly("2405.00001", "2405.00003", "2405.00005");
        assertThat(selection.papers().findFirst().orElseThrow().reasons())
                .contains("also covers near-duplicate 2405.00002 (title similarity 1.00)");
        assertThat(selection.papers().skip(1).findFirst().orElseThrow().reasons())
                .anySatisfy(r -> assertThat(r).startsWith("also covers near-duplicate 2405.00004 (abstract similarity"));
    }

    @Test
    void theEditorPinsDropsAndMovesPapersByArxivId() throws Exception {
        Path overrides = home.resolve("overrides.properties");
        Files.writeString(overrides, """
                # this week's editor decisions
                2405.00009 = pin
                2405.00001 = drop
                2405.00003: move highlights
                """);
        SelectStage stage = new SelectStage(KEYWORDS.withOverrides(overrides), () -> null);
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            papers.add(paper(String.format("2405.%05d", i), "Paper " + i, 100 - i * 10, "2024-05-21T10:00:00Z"));
        }

        Selection selection = select(stage, papers);

        assertThat(selection.sections().get(0).papers()).extracting(p -> p.paper().id().value())
                .containsExactly("2405.00009", "2405.00003");
        assertThat(selection.sections().get(1).papers()).extracting(p -> p.paper().id().value())
                .containsExactly("2405.00002", "2405.00004");
        assertThat(ids(selection)).doesNotContain("2405.00001");
        assertThat(selection.sections().get(0).papers().get(0).reasons()).contains("pinned by the editor");
        assertThat(selection.sections().get(0).papers().get(1).reasons()).contains("moved to highlights by the editor");
    }

    @Test
    void aBadOverridesLineStopsWithTheFileAndLine() throws Exception {
        Path overrides = home.resolve("overrides.properties");
        Files.writeString(overrides, "2405.00001 = pin\n2405.00002 = promote\nnot-an-id = drop\n");
        SelectStage stage = new SelectStage(KEYWORDS.withOverrides(overrides), () -> null);

        assertThatThrownBy(() -> select(stage, List.of(paper("2405.00001", "P", 1, "2024-05-21T10:00:00Z"))))
                .isInstanceOf(EditorOverrides.InvalidOverridesException.class)
                .hasMessageContaining(overrides + ":2: '2405.00002 = promote'")
                .hasMessageContaining(overrides + ":3:");
    }

    @Test
    void takesAtMostTheConfiguredNumberOfPapers() {
        List<Paper> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(paper(String.format("2405.%05d", i), "Paper number " + i + " on topic " + (char) ('a' + i % 26), i, "2024-05-21T10:00:00Z"));
        }
        assertThat(select(new SelectStage(KEYWORDS, () -> null), many).papers()).hasSize(4);
    }

    @Test
    void aWeekWithoutPapersSaysWhyAndStops() {
        assertThatThrownBy(() -> select(new SelectStage(KEYWORDS, () -> null), List.of()))
                .isInstanceOf(NoPapersException.class)
                .hasMessageContaining("no papers for 2024-W21")
                .hasMessageContaining("nothing is published or sent");
    }
}
