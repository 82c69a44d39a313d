package io.paperwire.summarize;

import io.paperwire.summarize.Openings.Rewrite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningsTest {

    private static Openings.Opened opened(String sentence) {
        return Openings.open(sentence).orElseThrow(() -> new AssertionError("refused: " + sentence));
    }

    @Test
    void aPaperFrameGoesAndTheNextWordTakesTheCapital() {
        assertThat(opened("In this paper, we propose FuzzyCache, a semantic cache.")).isEqualTo(
                new Openings.Opened("We propose FuzzyCache, a semantic cache.", java.util.List.of(Rewrite.PAPER_FRAME)));
        assertThat(opened("In this work we show that caches help.").sentence()).isEqualTo("We show that caches help.");
        assertThat(opened("Here, we present a benchmark.").sentence()).isEqualTo("We present a benchmark.");
        assertThat(opened("In this paper, a new cache is proposed.").sentence()).isEqualTo("A new cache is proposed.");
    }

    @Test
    void aNameKeepsItsOwnCapitalsAfterTheFrameGoes() {
        assertThat(opened("In this paper, GPT-4 is tested on caching.").sentence()).isEqualTo("GPT-4 is tested on caching.");
        assertThat(opened("In this paper, mHC-lite is tested on caching.").sentence())
                .isEqualTo("mHC-lite is tested on caching.");
        assertThat(opened("In this paper, $k$-means is revisited.").sentence()).isEqualTo("$k$-means is revisited.");
    }

    @Test
    void thePaperAsSubjectBecomesItsAuthors() {
        assertThat(opened("This paper presents a semantic cache.")).isEqualTo(
                new Openings.Opened("We present a semantic cache.", java.util.List.of(Rewrite.PAPER_AS_SUBJECT)));
        assertThat(opened("This study investigates caches.").sentence()).isEqualTo("We investigate caches.");
        assertThat(opened("This paper studies caches.").sentence()).isEqualTo("We study caches.");
        assertThat(opened("This work addresses the cost of serving.").sentence()).isEqualTo("We address the cost of serving.");
        assertThat(opened("This paper extends and explains the method.").sentence()).isEqualTo("We extend and explain the method.");
        assertThat(opened("This paper thoroughly analyses caches.").sentence()).isEqualTo("We thoroughly analyse caches.");
    }

    @Test
    void aLinkingPhraseGoes() {
        assertThat(opened("To address this, we propose FuzzyCache.")).isEqualTo(
                new Openings.Opened("We propose FuzzyCache.", java.util.List.of(Rewrite.LINKING_PHRASE)));
        assertThat(opened("To address these limitations, we propose FuzzyCache.").sentence()).isEqualTo("We propose FuzzyCache.");
        assertThat(opened("To this end, we propose FuzzyCache.").sentence()).isEqualTo("We propose FuzzyCache.");
        assertThat(opened("However, we show that caches help.").sentence()).isEqualTo("We show that caches help.");
        assertThat(opened("Motivated by these findings, we propose FuzzyCache.").sentence()).isEqualTo("We propose FuzzyCache.");
        assertThat(opened("Furthermore, our cache halves the cost.").sentence()).isEqualTo("Our cache halves the cost.");
        assertThat(opened("We therefore propose FuzzyCache.").sentence()).isEqualTo("We propose FuzzyCache.");
        assertThat(opened("As a second contribution, we release traces.").sentence()).isEqualTo("We release traces.");
    }

    @Test
    void rewritesChain() {
        assertThat(opened("As such, in this paper, we examine caches.")).isEqualTo(new Openings.Opened(
                "We examine caches.", java.util.List.of(Rewrite.LINKING_PHRASE, Rewrite.PAPER_FRAME)));
    }

    @Test
    void aSentenceThatLeansOnTheOneBeforeIsRefused() {
        assertThat(Openings.open("This improves accuracy by 3 points.")).isEmpty();
        assertThat(Openings.open("These results show that caches help.")).isEmpty();
        assertThat(Openings.open("It achieves a 2x speedup.")).isEmpty();
        assertThat(Openings.open("Such models are costly to serve.")).isEmpty();
        assertThat(Openings.open("However, it fails on long prompts.")).isEmpty();
        assertThat(Openings.open("Moreover, this approach is cheap.")).isEmpty();
        assertThat(Openings.open("Thus the cost falls.")).isEmpty();
        assertThat(Openings.open("In this setting, accuracy drops.")).isEmpty();
        assertThat(Openings.open("Using these traces, the cache learns.")).isEmpty();
        assertThat(Openings.open("This paper is about caches.")).isEmpty();
    }

    @Test
    void anOpeningThatStandsAloneIsKept() {
        assertThat(opened("In contrast to prior work, we cache near-identical prompts.")).isEqualTo(new Openings.Opened(
                "In contrast to prior work, we cache near-identical prompts.", java.util.List.of()));
        assertThat(opened("In domains such as law, caches help.").rewrites()).isEmpty();
        assertThat(opened("Large language models are costly to serve.").rewrites()).isEmpty();
    }
}
