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
    void aTooLongBestSentenceIsShortenedAtAClauseBoundaryAndSaysHow() {
        String abstractText = "Serving language models is costly. "
                + "We propose FuzzyCache, a semantic cache for language model serving that matches near-identical "
                + "prompts across tenants, reducing serving cost by 38% with a 0.4% drop in answer quality on three "
                + "production traces. We release the traces.";

        ExtractiveSummarizer.Tldr tldr = ExtractiveSummarizer.tldr(paper("FuzzyCache", abstractText)).orElseThrow();

        assertThat(tldr.text()).isEqualTo("We propose FuzzyCache, a semantic cache for language model serving that "
                + "matches near-identical prompts across tenants.");
        assertThat(tldr.compressions()).containsExactly(TldrCompressor.Compression.TRAILING_PARTICIPLE);
        assertThat(tldr.rewrites()).isEmpty();
    }

    @Test
    void theOpeningIsRewrittenToStandAlone() {
        String abstractText = "Serving language models is costly because prompts repeat. To address this, we propose "
                + "FuzzyCache, a semantic cache that matches near-identical prompts across many tenants. It halves the "
                + "cost of serving.";

        ExtractiveSummarizer.Tldr tldr = ExtractiveSummarizer.tldr(paper("FuzzyCache", abstractText)).orElseThrow();

        assertThat(tldr.text())
                .isEqualTo("We propose FuzzyCache, a semantic cache that matches near-identical prompts across many tenants.");
        assertThat(tldr.rewrites()).containsExactly(Openings.Rewrite.LINKING_PHRASE);
    }

    @Test
    void aBestSentenceThatLeansOnTheOneBeforeGivesWayToAnother() {
        String abstractText = "Semantic caches for language model serving match near-identical prompts of tenants. "
                + "This semantic cache for language model serving reduces serving cost by 38% on production traces. "
                + "Caches for serving language models are evaluated on three production traces of prompts.";
        Paper paper = paper("Semantic Caches for Language Model Serving", abstractText);

        ExtractiveSummarizer.Tldr tldr = ExtractiveSummarizer.tldr(paper).orElseThrow();

        assertThat(tldr.sentences().get(0)).isNotEqualTo(1);
        assertThat(tldr.text()).doesNotStartWith("This");
    }

    @Test
    void theSummaryNeverRepeatsTheTldrSentenceEvenWhenAnotherThanTheBestWasChosen() {
        // The best sentence (the second) opens with "This", so the first becomes the TL;DR; the summary goes on with
        // the best of the rest, and the first is not among them although it ranks second.
        String abstractText = "Semantic caches for language model serving match near-identical prompts of many "
                + "tenants at once. This semantic cache for language model serving reduces serving cost by 38% on "
                + "production traces. Caches for serving language models are evaluated on three production traces of "
                + "prompts. Results hold across all tenants and traces.";
        List<String> sentences = ExtractiveSummarizer.sentences(abstractText);

        Summary summary = summarizer.summarize(paper("Semantic Caches for Language Model Serving", abstractText),
                Summarizer.Depth.FULL);

        assertThat(summary.tldr()).isEqualTo(sentences.get(0));
        assertThat(ExtractiveSummarizer.sentences(summary.summary())).containsExactly(sentences.get(1), sentences.get(2));
    }

    @Test
    void aShortTldrTakesTheNextSentenceAlong() {
        String abstractText = "Latent reasoning is hard to optimize. We propose SWITCH, a switchable reasoning framework. "
                + "The model emits a token to enter latent mode and another to exit.";

        ExtractiveSummarizer.Tldr tldr = ExtractiveSummarizer.tldr(paper("SWITCH: Switchable Reasoning", abstractText))
                .orElseThrow();

        assertThat(tldr.text()).isEqualTo("We propose SWITCH, a switchable reasoning framework. "
                + "The model emits a token to enter latent mode and another to exit.");
        assertThat(tldr.sentences()).containsExactly(1, 2);
    }

    @Test
    void aOneSentenceAbstractIsTheTldrAndNotAlsoTheSummary() {
        Summary summary = summarizer.summarize(paper("FuzzyCache", "We propose FuzzyCache, a semantic cache for "
                + "language model serving."), Summarizer.Depth.FULL);

        assertThat(summary.tldr()).isEqualTo("We propose FuzzyCache, a semantic cache for language model serving.");
        assertThat(summary.summary()).isEmpty();
    }

    @Test
    void withoutASentenceThatStandsAloneTheTitleIsTheTldrAndTheSummaryKeepsTheAbstract() {
        String abstractText = "This cache halves the cost of serving language models. It matches near-identical prompts.";

        Summary summary = summarizer.summarize(paper("FuzzyCache", abstractText), Summarizer.Depth.FULL);

        assertThat(summary.tldr()).isEqualTo("FuzzyCache");
        assertThat(summary.summary()).contains("This cache halves the cost");
    }

    @Test
    void copesWithAnEmptyAbstract() {
        Summary summary = summarizer.summarize(paper("A Title Alone", ""), Summarizer.Depth.FULL);

        assertThat(summary.tldr()).isEqualTo("A Title Alone");
    }
}
