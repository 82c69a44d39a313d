package io.paperwire.summarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void doesNotSplitAfterAbbreviations() {
        assertThat(Sentences.of("Caches, e.g. Prefix caches, help. Results, i.e. Gains, follow. As Smith et al. "
                + "Show, A vs. B matters. See Fig. 2 and Eq. (3) and Sec. IV for details. Data end Aug. 10, 2025."))
                .containsExactly("Caches, e.g. Prefix caches, help.", "Results, i.e. Gains, follow.",
                        "As Smith et al. Show, A vs. B matters.", "See Fig. 2 and Eq. (3) and Sec. IV for details.",
                        "Data end Aug. 10, 2025.");
    }

    @Test
    void numbersIdentifiersAndUrlsKeepTheirDots() {
        assertThat(Sentences.of("Accuracy rises by 3.5% over arXiv:2405.1234 and v2.1. Code is at "
                + "https://github.com/example/repo.git. We release it."))
                .containsExactly("Accuracy rises by 3.5% over arXiv:2405.1234 and v2.1.",
                        "Code is at https://github.com/example/repo.git.", "We release it.");
    }

    @Test
    void inlineMathIsNeverSplit() {
        assertThat(Sentences.of("The bound is $O(n). N \\log n$ in general. $K$-means follows."))
                .containsExactly("The bound is $O(n). N \\log n$ in general.", "$K$-means follows.");
        assertThat(Sentences.of("We show $$a. B$$ holds. Then more."))
                .containsExactly("We show $$a. B$$ holds.", "Then more.");
    }

    @Test
    void anInitialIsNotASentenceEndButAnAppendixLetterIs() {
        assertThat(Sentences.of("Inspired by James P. Carse's book, we build games. Proofs are in Appendix A. We "
                + "conclude."))
                .containsExactly("Inspired by James P. Carse's book, we build games.", "Proofs are in Appendix A.",
                        "We conclude.");
    }

    @Test
    void aSentenceMayStartWithALowerCaseNameOrAQuote() {
        assertThat(Sentences.of("Baselines are slow. mHC-lite is fast. We call it \"Turbo.\" (It is.) Done!"))
                .containsExactly("Baselines are slow.", "mHC-lite is fast.", "We call it \"Turbo.\"", "(It is.)",
                        "Done!");
    }

    @Test
    void aWholeSentenceEndsWithItsMark() {
        assertThat(Sentences.isWhole("We propose X.")).isTrue();
        assertThat(Sentences.isWhole("We call it \"Turbo.\"")).isTrue();
        assertThat(Sentences.isWhole("Does it work?")).isTrue();
        assertThat(Sentences.isWhole("We propose X and…")).isFalse();
        assertThat(Sentences.isWhole("We propose X...")).isFalse();
        assertThat(Sentences.isWhole("Introduction")).isFalse();
    }
}
