package io.paperwire.select;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real embedded model (loaded once per test JVM): meanings, not words, decide. */
class MiniLmEmbedderTest {

    @Test
    void placesRelatedAbstractsCloserThanUnrelatedOnes() {
        List<float[]> v = MiniLmEmbedder.shared().embed(List.of(
                "Large language models that reason step by step and use tools as agents",
                "We train a transformer to plan multi-step tool calls and verify its chain of thought.",
                "We estimate wheat yields from satellite images of farmland.",
                "A paraphrase: crop harvest forecasting from remote sensing pictures of fields."));

        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(Embedder.cosine(v.get(0), v.get(1))).isGreaterThan(Embedder.cosine(v.get(0), v.get(2)) + 0.2);
        assertThat(Embedder.cosine(v.get(2), v.get(3))).isGreaterThan(Embedder.cosine(v.get(1), v.get(3)) + 0.2);
    }
}
