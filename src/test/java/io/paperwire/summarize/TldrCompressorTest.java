package io.paperwire.summarize;

import io.paperwire.summarize.TldrCompressor.Compressed;
import io.paperwire.summarize.TldrCompressor.Compression;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TldrCompressorTest {

    private static Compressed compressed(String sentence, int maxWords) {
        Compressed result = TldrCompressor.compress(sentence, maxWords)
                .orElseThrow(() -> new AssertionError("not compressible to " + maxWords + ": " + sentence));
        assertThat(Sentences.words(result.sentence())).isLessThanOrEqualTo(maxWords);
        assertThat(result.sentence()).doesNotContain("…").satisfies(s -> assertThat(Sentences.isWhole(s)).isTrue());
        return result;
    }

    @Test
    void aSentenceThatFitsIsLeftAsItIs() {
        assertThat(compressed("We propose FuzzyCache (a semantic cache), which halves the cost.", 30))
                .isEqualTo(new Compressed("We propose FuzzyCache (a semantic cache), which halves the cost.", List.of()));
    }

    @Test
    void dropsParentheticalsFirst() {
        assertThat(compressed("We propose Timestep-Aware Distillation (TAD) for large language models (LLMs) "
                + "[12] -- a cheap method -- that matches teacher scores across the noise schedule.", 16))
                .isEqualTo(new Compressed("We propose Timestep-Aware Distillation for large language models that "
                        + "matches teacher scores across the noise schedule.", List.of(Compression.PARENTHETICAL)));
    }

    @Test
    void dropsAnEnumerationIntroducedByAColon() {
        assertThat(compressed("We present SPIN, a sparse inference framework built on three techniques: "
                + "(1) a unified partition abstraction; (2) a locality-aware cache manager; and (3) a two-level "
                + "metadata layout.", 15))
                .isEqualTo(new Compressed("We present SPIN, a sparse inference framework built on three techniques.",
                        List.of(Compression.ENUMERATION)));
    }

    @Test
    void dropsAnEnumerationWithTheClauseThatIntroducesIt() {
        assertThat(compressed("We propose TRACE, a pipeline for coding agents, which (i) mines user corrections, "
                + "(ii) rewrites them as rules and (iii) compiles them into checks.", 12))
                .isEqualTo(new Compressed("We propose TRACE, a pipeline for coding agents.",
                        List.of(Compression.ENUMERATION)));
    }

    @Test
    void keepsAnEnumerationTheClauseNeeds() {
        assertThat(TldrCompressor.compress("The sample complexity is the number of samples needed in either: "
                + "(i) the prior-free setting with errors at most alpha and beta; or (ii) the Bayesian setting.", 12))
                .isEmpty();
    }

    @Test
    void dropsATrailingParticipleClause() {
        assertThat(compressed("We propose query-aware eviction, which keeps a sketch of evicted keys in CPU memory, "
                + "restoring those whose estimated attention mass exceeds a threshold.", 16))
                .isEqualTo(new Compressed("We propose query-aware eviction, which keeps a sketch of evicted keys in "
                        + "CPU memory.", List.of(Compression.TRAILING_PARTICIPLE)));
        assertThat(compressed("We propose a student that matches teacher scores across the schedule, weighted by a "
                + "lightweight critic.", 12).sentence())
                .isEqualTo("We propose a student that matches teacher scores across the schedule.");
    }

    @Test
    void aGerundSubjectOrAnInsertedClauseIsNoTrailingClause() {
        assertThat(TldrCompressor.compress("Testing is split into GUI testing and logic testing, testing has become "
                + "important as it provides more ways to interact.", 12)).isEmpty();
        assertThat(TldrCompressor.compress("We study schedules and find that a simple reverse-cosine schedule, starting "
                + "at 75% and decaying to 0%, matches the accuracy of full training.", 14)).isEmpty();
    }

    @Test
    void dropsATrailingSubordinateClause() {
        assertThat(compressed("We introduce FrameMP, a message passing scheme for molecules that uses local frames, "
                + "which keeps exact equivariance with dense matrix products only.", 14))
                .isEqualTo(new Compressed("We introduce FrameMP, a message passing scheme for molecules that uses "
                        + "local frames.", List.of(Compression.TRAILING_CLAUSE)));
        assertThat(compressed("We present a codebook scheme in which each group of 8 weights is a sum of two entries, "
                + "and co-design fused kernels that dequantize within the tile.", 20).sentence())
                .isEqualTo("We present a codebook scheme in which each group of 8 weights is a sum of two entries.");
    }

    @Test
    void keepsOnlyTheFirstIndependentClause() {
        assertThat(compressed("We retrain the tokenizer of a 1.3B model for 12 languages; this lowers fertility by "
                + "52% and closes 41% of the transfer gap.", 12))
                .isEqualTo(new Compressed("We retrain the tokenizer of a 1.3B model for 12 languages.",
                        List.of(Compression.SECOND_CLAUSE)));
    }

    @Test
    void dropsALeadingClauseBeforeWe() {
        assertThat(compressed("Inspired by the idea that reasoning mirrors a form of guided search over many states, "
                + "we introduce ChatBattery, an agentic framework for materials design.", 12))
                .isEqualTo(new Compressed("We introduce ChatBattery, an agentic framework for materials design.",
                        List.of(Compression.LEADING_CLAUSE)));
    }

    @Test
    void neverLeavesOnlyTheLeadIn() {
        assertThat(compressed("Motivated by settings such as Model Predictive Control, where one repeatedly solves "
                + "related problems, we propose learning online updates of the relaxation parameter.", 14).sentence())
                .isEqualTo("We propose learning online updates of the relaxation parameter.");
    }

    @Test
    void appliesSeveralRulesInOrderWhileTooLong() {
        assertThat(compressed("We provide a review of millimeter-wave (mm-wave) oscillators below 100 GHz for "
                + "next-generation communication systems, including 5G, 6G, and beyond.", 14))
                .isEqualTo(new Compressed("We provide a review of millimeter-wave oscillators below 100 GHz for "
                        + "next-generation communication systems.",
                        List.of(Compression.PARENTHETICAL, Compression.TRAILING_PARTICIPLE)));
    }

    @Test
    void aSentenceWithNoClauseToDropCannotBeCompressed() {
        assertThat(TldrCompressor.compress("We study two hundred loss spikes recorded across thirty seven training "
                + "runs of decoder only models between small and large sizes.", 12)).isEmpty();
    }

    @Test
    void neverCutsAWord() {
        String sentence = "On a continual benchmark cycling 10 times through fog, night, rain and snow, our method "
                + "achieves a mean IoU of 61.3, improving by 5.4 points over the strongest baseline, whereas "
                + "baselines lose between 3 and 19 points.";
        Compressed result = compressed(sentence, 22);
        List<String> words = List.of(sentence.replaceAll("[.,]", "").split("\\s+"));
        for (String word : result.sentence().replaceAll("[.,]", "").split("\\s+")) {
            assertThat(words).contains(word);
        }
    }
}
