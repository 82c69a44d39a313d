package io.paperwire.summarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RougeTest {

    @Test
    void rouge1CountsSharedWordsOnceEachWithoutCase() {
        double f = Rouge.rouge1F("The cat sat on the mat.", "the cat lay on a mat");

        // shared: the (once: the reference has one), cat, on, mat; P = 4/6, R = 4/6
        assertThat(f).isCloseTo(4.0 / 6, within(1e-9));
    }

    @Test
    void rougeLFollowsTheLongestCommonSubsequence() {
        // LCS of "police killed the gunman" and "police kill the gunman" is "police the gunman" (3 of 4)
        assertThat(Rouge.rougeLF("police killed the gunman", "police kill the gunman")).isCloseTo(0.75, within(1e-9));
        // word order matters for ROUGE-L, not for ROUGE-1
        assertThat(Rouge.rougeLF("the gunman killed police", "police killed the gunman")).isCloseTo(0.5, within(1e-9));
        assertThat(Rouge.rouge1F("the gunman killed police", "police killed the gunman")).isEqualTo(1.0);
    }

    @Test
    void nothingInCommonScoresZero() {
        assertThat(Rouge.rouge1F("alpha beta", "gamma delta")).isZero();
        assertThat(Rouge.rougeLF("", "gamma delta")).isZero();
    }
}
