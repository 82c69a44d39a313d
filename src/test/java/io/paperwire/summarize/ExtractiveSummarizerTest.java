package io.paperwire.summarize;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveSummarizerTest {

    private static final String ABSTRACT = "Large language models are costly to serve. Many requests repeat work. "
            + "Caching is the usual remedy, e.g. prefix caches, but it fails when prompts differ slightly. "
            + "We propose FuzzyCache, a semantic cache for language model serving that matches near-identical prompts. "
            + "On three production traces FuzzyCache reduces serving cost by 38% with a 0.4% drop in answer quality. "
            + "We release the traces.";

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    private static Paper paper(String title, String abstractText) {
        return new Paper(ArxivId.of("2405.00001"), 1, title, abstractText, List.of(), "cs.CL", List.of(), null, null,
                null, null, null, null);
    }

    @Test
    void picksWholeSentencesOfTheAbstractInTheirOrder() {
        Summary summary = summarizer.summarize(paper("FuzzyCache: Semantic Caching for Language Model Serving", ABSTRACT),
                Summarizer.Depth.FULL);

        List<String> sentences = ExtractiveSummarizer.sentences(ABSTRACT);
        List<String> picked = ExtractiveSummarizer.sentences(summary.summary());
        assertThat(picked).hasSize(3).allSatisfy(s -> assertThat(sentences).contains(s));
        assertThat(picked).isSortedAccordingTo((a, b) -> sentences.indexOf(a) - sentences.indexOf(b));
        assertThat(summary.summary()).contains("38%");
        assertThat(summary.model()).isEqualTo("extractive");
    }

    @Test
    void theSummaryDoesNotRepeatTheTldrSentence() {
        Summary summary = summarizer.summarize(paper("FuzzyCache: Semantic Caching for Language Model Serving", ABSTRACT),
                Summarizer.Depth.FULL);

        assertThat(summary.tldr()).startsWith("We propose FuzzyCache");
        assertThat(summary.summary()).doesNotContain("We propose FuzzyCache");
    }

    @Test
    void theTldrIsTheContributionInAtMostThirtyWords() {
        Summary summary = summarizer.summarize(paper("FuzzyCache: Semantic Caching for Language Model Serving", ABSTRACT),
                Summarizer.Depth.TLDR);

        assertThat(summary.tldr()).startsWith("We propose FuzzyCache");
        assertThat(summary.tldr().split("\\s+").length).isLessThanOrEqualTo(ExtractiveSummarizer.MAX_TLDR_WORDS);
        assertThat(summary.summary()).isEmpty();
    }

    @Test
    void doesNotSplitAfterAbbreviations() {
        assertThat(ExtractiveSummarizer.sentences("Caches, e.g. prefix caches, help. Results follow."))
                .containsExactly("Caches, e.g. prefix caches, help.", "Results follow.");
    }

    @Test
    void copesWithAnEmptyAbstract() {
        Summary summary = summarizer.summarize(paper("A Title Alone", ""), Summarizer.Depth.FULL);

        assertThat(summary.tldr()).isEqualTo("A Title Alone");
    }
}
