package io.paperwire.select;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Signals;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.Week;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectStageTest {

    private static final Week WEEK = Week.parse("2024-W21");
    private final SelectStage stage = new SelectStage(new PaperwireSettings.Interests(List.of("reasoning", "diffusion"), 2, 2));

    private static Paper paper(String id, String title, int upvotes, String published) {
        Signals signals = upvotes < 0 ? Signals.NONE : new Signals(true, upvotes, 0, "", "", "", List.of());
        return new Paper(ArxivId.of(id), 1, title, "An abstract.", List.of(), "cs.LG", List.of(),
                Instant.parse(published), null, null, null, null, signals);
    }

    private Selection select(List<Paper> papers) {
        return stage.select(new Candidates(RunRequest.of(WEEK), papers, SourceReport.empty()));
    }

    @Test
    void ranksByUpvotesThenInterestsThenRecency() {
        Selection selection = select(List.of(
                paper("2405.00001", "Plain old paper", -1, "2024-05-24T10:00:00Z"),
                paper("2405.00002", "Reasoning with diffusion", -1, "2024-05-20T10:00:00Z"),
                paper("2405.00003", "Popular paper", 50, "2024-05-20T10:00:00Z"),
                paper("2405.00004", "More popular paper", 90, "2024-05-20T10:00:00Z"),
                paper("2405.00005", "Reasoning only", -1, "2024-05-22T10:00:00Z")));

        assertThat(selection.papers().map(p -> p.paper().id().value()))
                .containsExactly("2405.00004", "2405.00003", "2405.00002", "2405.00005");
        assertThat(selection.sections()).extracting(s -> s.key()).containsExactly("highlights", "noteworthy");
        assertThat(selection.sections().get(0).papers()).hasSize(2);
    }

    @Test
    void explainsEveryChoiceAndScoresInRankOrder() {
        Selection selection = select(List.of(
                paper("2405.00002", "Reasoning with diffusion", 3, "2024-05-20T10:00:00Z"),
                paper("2405.00003", "Popular paper", 50, "2024-05-21T10:00:00Z")));

        SelectedPaper first = selection.papers().findFirst().orElseThrow();
        assertThat(first.reasons()).contains("50 upvotes on Hugging Face Daily Papers", "submitted 2024-05-21");
        SelectedPaper second = selection.papers().skip(1).findFirst().orElseThrow();
        assertThat(second.reasons()).contains("matches interests: reasoning, diffusion");
        assertThat(first.score()).isGreaterThan(second.score());
    }

    @Test
    void takesAtMostTheConfiguredNumberOfPapers() {
        List<Paper> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(paper(String.format("2405.%05d", i), "Paper " + i, i, "2024-05-21T10:00:00Z"));
        }
        assertThat(select(many).papers()).hasSize(4);
    }

    @Test
    void aWeekWithoutPapersSaysWhyAndStops() {
        assertThatThrownBy(() -> select(List.of()))
                .isInstanceOf(NoPapersException.class)
                .hasMessageContaining("no papers for 2024-W21")
                .hasMessageContaining("nothing is published or sent");
    }
}
