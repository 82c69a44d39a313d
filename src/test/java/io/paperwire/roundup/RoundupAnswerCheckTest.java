package io.paperwire.roundup;

import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.paper.Week;
import io.paperwire.testing.FakeIssues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundupAnswerCheckTest {

    static final RoundupPeriod MAY = RoundupPeriod.month(2024, 5);
    static final String INTRO = "A month of steady work on attention, reasoning traces and tokenizers, with the most"
            + " read papers sharing code and careful baselines; these are the ones our readers kept coming back to"
            + " in May.";
    static final String PARAGRAPH = "The study asks whether sparse attention keeps its promise at scale and answers"
            + " with a careful comparison against strong baselines, finding that the gains hold across model sizes"
            + " and that readers on Hugging Face found it worth their time.";

    private static List<RoundupEntry> entries() {
        return List.of(entry(0), entry(1));
    }

    private static RoundupEntry entry(int n) {
        var p = FakeIssues.paper(Week.parse("2024-W20"), n);
        return new RoundupEntry(n + 1, p.paper(), p.summary(), 10, List.of(), "", List.of(new RoundupEntry.Appearance(
                "2024-W20", "Paperwire 2024-W20", Week.parse("2024-W20"), io.paperwire.paper.SectionKey.HIGHLIGHTS)),
                "", false);
    }

    private static String answer(String intro, String first, String second) throws Exception {
        List<RoundupEntry> e = entries();
        return RoundupIT.JSON.writeValueAsString(Map.of("intro", intro, "papers", List.of(
                Map.of("id", e.get(0).paper().id().value(), "paragraph", first),
                Map.of("id", e.get(1).paper().id().value(), "paragraph", second))));
    }

    @Test
    void aGoodAnswerPassesWithItsReceptionFiguresAndThePapersOwnLinks() throws Exception {
        String withFigures = PARAGRAPH + " It drew 200 upvotes and was featured in 1 weekly issue, 2024-W20;"
                + " code at https://github.com/example/repo0.";

        var verdict = RoundupAnswerCheck.check(answer(INTRO, withFigures, PARAGRAPH), MAY, 5, 100, entries());

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.complete(2)).isTrue();
        assertThat(verdict.paragraphs().values()).first().asString().contains("https://github.com/example/repo0");
    }

    @Test
    void figuresNotInTheAbstractAndForeignLinksAreRefusedPerParagraph() throws Exception {
        String invented = PARAGRAPH + " It cuts latency by 42% on 7B models.";
        String hostile = "<script>alert(1)</script>" + PARAGRAPH + " Details: http://evil.example/x";

        var verdict = RoundupAnswerCheck.check(answer(INTRO, invented, hostile), MAY, 5, 100, entries());

        String first = entries().get(0).paper().id().value();
        String second = entries().get(1).paper().id().value();
        assertThat(verdict.problems()).containsExactly("paper " + first + ": these figures are not in its title or"
                + " abstract: 42%, 7B; use only figures stated there, or none");
        assertThat(verdict.paragraphs()).containsOnlyKeys(second);
        assertThat(verdict.paragraphs().get(second)).doesNotContain("evil.example", "<script", "alert(1)</script>")
                .startsWith("The study asks");
        assertThat(verdict.intro()).isEqualTo(INTRO);
    }

    @Test
    void anAnswerThatIsNotTheObjectAskedForSaysWhatIsMissing() throws Exception {
        assertThat(RoundupAnswerCheck.check("no json", MAY, 5, 100, entries()).problems())
                .containsExactly("the answer is not a JSON object");
        var verdict = RoundupAnswerCheck.check(RoundupIT.JSON.writeValueAsString(Map.of("intro", "Too short.",
                "papers", List.of(Map.of("id", "2405.00001", "paragraph", PARAGRAPH)))), MAY, 5, 100, entries());
        assertThat(verdict.problems()).contains("\"intro\" has 2 words; write 30 to 170",
                "\"papers\" names '2405.00001', which is not one of the papers given",
                "no paragraph for paper " + entries().get(0).paper().id().value());
        assertThat(verdict.complete(2)).isFalse();
    }
}
