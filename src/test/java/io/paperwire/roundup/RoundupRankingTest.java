package io.paperwire.roundup;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Signals;
import io.paperwire.paper.Week;
import io.paperwire.select.EditorOverrides;
import io.paperwire.testing.FakeIssues;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundupRankingTest {

    static final RoundupRequest MAY = new RoundupRequest(RoundupPeriod.month(2024, 5), false, false, false);
    final RoundupRanking ranking = new RoundupRanking();

    private static List<Issue> may() {
        return FakeIssues.generated(Week.parse("2024-W22"), 5, 12);
    }

    private static List<String> ids(RankedRoundup ranked) {
        return ranked.entries().stream().map(e -> e.paper().id().value()).toList();
    }

    @Test
    void ranksEachPaperOnceAndExplainsItsPlace() {
        List<Issue> issues = new ArrayList<>(may());
        // The same paper in a second week's issue: one entry, with both appearances.
        SelectedPaper repeated = issues.get(0).sections().get(0).papers().get(0);
        Issue last = issues.get(4);
        issues.set(4, new Issue(last.week(), 1, last.title(), last.createdAt(), List.of(
                new Section(SectionKey.HIGHLIGHTS, List.of(repeated)), last.sections().get(1))));

        RankedRoundup ranked = ranking.rank(MAY, issues, Map.of(), RoundupOverrides.none(), 10);

        assertThat(ranked.entries()).hasSize(10);
        assertThat(ids(ranked)).doesNotHaveDuplicates();
        assertThat(ranked.featured()).isEqualTo(issues.stream().flatMap(Issue::papers).map(p -> p.paper().id()).distinct().count());
        RoundupEntry twice = ranked.entries().stream().filter(e -> e.paper().id().equals(repeated.paper().id()))
                .findFirst().orElseThrow();
        assertThat(twice.rank()).isEqualTo(1);
        assertThat(twice.appearances()).hasSize(2);
        assertThat(twice.reasons()).contains("featured in 2 weekly issues: 2024-W18 (Highlights), 2024-W22 (Highlights) (+6.0)")
                .anyMatch(r -> r.startsWith("200 upvotes and 3 comments on Hugging Face, as last seen"))
                .anyMatch(r -> r.startsWith("interest score "));
        assertThat(ranked.entries()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void theFreshestSignalsCountAndAWeeklyPinAddsToTheScore() {
        List<Issue> issues = may();
        Paper quiet = issues.get(2).sections().get(1).papers().get(5).paper();
        Paper nowPopular = quiet.withSignals(new Signals(true, 5000, 40, "", "", "", List.of()));

        RankedRoundup ranked = ranking.rank(MAY, issues, Map.of(quiet.id(), nowPopular), RoundupOverrides.none(), 10);

        assertThat(ranked.entries().get(0).paper().id()).isEqualTo(quiet.id());
        assertThat(ranked.entries().get(0).paper().signals().upvotes()).isEqualTo(5000);

        SelectedPaper pinned = issues.get(1).sections().get(1).papers().get(4);
        List<String> reasons = new ArrayList<>(pinned.reasons());
        reasons.add(EditorOverrides.PINNED_REASON);
        Issue week = issues.get(1);
        List<Issue> withPin = new ArrayList<>(issues);
        withPin.set(1, new Issue(week.week(), 1, week.title(), week.createdAt(), List.of(week.sections().get(0),
                new Section(SectionKey.NOTEWORTHY, List.of(new SelectedPaper(pinned.paper(), pinned.score(), reasons,
                        pinned.summary()))))));
        RoundupEntry entry = ranking.rank(MAY, withPin, Map.of(), RoundupOverrides.none(), 100).entries().stream()
                .filter(e -> e.paper().id().equals(pinned.paper().id())).findFirst().orElseThrow();
        assertThat(entry.reasons()).contains("pinned by the editor in 2024-W19 (+3.0)");
    }

    @Test
    void theEditorsRoundupPinComesFirstAndADropNeverAppears() {
        List<Issue> issues = may();
        RankedRoundup plain = ranking.rank(MAY, issues, Map.of(), RoundupOverrides.none(), 10);
        ArxivId top = plain.entries().get(0).paper().id();
        ArxivId lowly = issues.get(3).sections().get(1).papers().get(5).paper().id();
        RoundupOverrides overrides = RoundupOverrides.parse(List.of(
                "roundup 2024-05 " + top + " = drop",
                "roundup 2024-05 " + lowly + " = pin",
                "roundup 2024-04 2404.99999 = pin",
                "roundup 2024-05 2405.77777 = pin"), "overrides.properties", MAY.period());

        RankedRoundup ranked = ranking.rank(MAY, issues, Map.of(), overrides, 10);

        assertThat(ids(ranked)).doesNotContain(top.value()).hasSize(10).first().isEqualTo(lowly.value());
        assertThat(ranked.entries().get(0).reasons().get(1)).isEqualTo("pinned for this roundup by the editor (overrides.properties:2)");
        assertThat(ranked.notes()).containsExactly("2405.77777 has a roundup pin (overrides.properties:4) but no weekly"
                + " issue of May 2024 featured it");
    }

    @Test
    void aYearsTopicIsTheSummarysFirstTagElseTheCategoryInWords() {
        SelectedPaper tagged = FakeIssues.paper(Week.parse("2024-W20"), 1);
        assertThat(RoundupRanking.topic(tagged.paper(), tagged.summary())).isEqualTo("Reasoning Traces");
        assertThat(RoundupRanking.topic(tagged.paper(), null)).isEqualTo("Language models and NLP");
    }
}
