package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckTest {

    private final Paper paper = Answers.paper("2405.00001");

    private AnswerCheck.Verdict full(String answer) {
        return AnswerCheck.check(answer, paper, Summarizer.Depth.FULL, "openai:test");
    }

    @Test
    void acceptsAnAnswerThatFollowsEveryRule() {
        AnswerCheck.Verdict verdict = full(Answers.json(Answers.full()));

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.unsupportedFigures()).isEmpty();
        assertThat(verdict.summary().keyPoints()).hasSize(3);
        assertThat(verdict.summary().tags()).containsExactly("llm serving", "caching");
        assertThat(verdict.summary().model()).isEqualTo("openai:test");
        assertThat(verdict.summary().fallback()).isFalse();
    }

    @Test
    void findsTheJsonObjectInsideACodeFence() {
        assertThat(full("Here you go:\n```json\n" + Answers.json(Answers.full()) + "\n```").ok()).isTrue();
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThat(full("Sure! FuzzyCache is great.").problems()).containsExactly("the answer is not a JSON object");
        assertThat(full("{\"tldr\": \"unterminated").problems()).singleElement().asString().contains("not a JSON object");
        assertThat(full("{\"tldr\": oops}").problems()).singleElement().asString().startsWith("the answer is not valid JSON");
    }

    @Test
    void enforcesTheWordLimitsAndTheNumberOfKeyPoints() {
        assertThat(full(Answers.with("tldr", "word ".repeat(31))).problems())
                .contains("\"tldr\" has 31 words; at most 30 allowed");
        assertThat(full(Answers.with("summary", "Too short.")).problems())
                .contains("\"summary\" has 2 words; write 80 to 150");
        assertThat(full(Answers.with("summary", "word ".repeat(151))).problems())
                .contains("\"summary\" has 151 words; write 80 to 150");
        assertThat(full(Answers.with("key_points", List.of("one", "two"))).problems())
                .contains("\"key_points\" must hold exactly 3 non-empty strings, not 2");
        assertThat(full(Answers.with("critique", "One. Two. Three.")).problems())
                .contains("\"critique\" must be one or two sentences, not 3");
        assertThat(full(Answers.with("tags", "not a list")).problems()).contains("\"tags\" must be an array of strings");
    }

    @Test
    void aTldrAnswerNeedsOnlyTheTldr() {
        AnswerCheck.Verdict verdict = AnswerCheck.check(Answers.json(Answers.tldr()), paper, Summarizer.Depth.TLDR, "m");

        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.summary().summary()).isEmpty();
    }

    @Test
    void removesMarkupAndLinksThatAreNotThePapersOwn() {
        String tldr = "FuzzyCache <script>alert(1)</script>cuts cost, see http://evil.example/x?y=1 and"
                + " https://github.com/example/fuzzycache. <b>Try</b> [this](https://phish.example) now.";
        AnswerCheck.Verdict verdict = full(Answers.with("tldr", tldr));

        assertThat(verdict.summary().tldr())
                .doesNotContain("<", ">", "script", "alert", "evil.example", "phish.example")
                .contains("https://github.com/example/fuzzycache", "FuzzyCache cuts cost", "Try", "this");
    }

    @Test
    void capsTheLengthOfEveryField() {
        AnswerCheck.Verdict verdict = full(Answers.with("why_it_matters", "x".repeat(5000)));

        assertThat(verdict.summary().whyItMatters()).hasSize(AnswerCheck.MAX_FIELD_CHARS).endsWith("…");
    }

    @Test
    void figuresMustAppearInTheTitleOrAbstract() {
        assertThat(AnswerCheck.unsupportedFigures("cuts cost by 38% on 3 traces for a 7B model, 2x faster", paper)).isEmpty();
        assertThat(AnswerCheck.unsupportedFigures("cuts cost by 45% for a 70B model, 3x faster, since 2021", paper))
                .containsExactly("45%", "70B", "3x", "2021");
        assertThat(AnswerCheck.unsupportedFigures("a 7 billion parameter model and 38 percent", paper)).isEmpty();
        assertThat(AnswerCheck.unsupportedFigures("38x cheaper", paper)).containsExactly("38x");
    }

    @Test
    void anAnswerWithAnInventedFigureIsNotAccepted() {
        AnswerCheck.Verdict verdict = full(Answers.with("tldr", "FuzzyCache cuts cost by 62% on 9 traces."));

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.feedback()).contains("62%", "9").contains("do not appear in the title or abstract");
    }
}
