package io.paperwire.paper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArxivIdTest {

    @Test
    void parsesTheFormsSourcesWrite() {
        assertThat(ArxivId.parse("http://arxiv.org/abs/2405.12345v3")).isEqualTo(new ArxivId.Versioned(new ArxivId("2405.12345"), 3));
        assertThat(ArxivId.parse("https://arxiv.org/pdf/2405.12345v1.pdf").id().value()).isEqualTo("2405.12345");
        assertThat(ArxivId.parse("arXiv:2405.1234").version()).isZero();
        assertThat(ArxivId.parse("2405.12345").id()).isEqualTo(ArxivId.of("2405.12345v9"));
        assertThat(ArxivId.parse("http://arxiv.org/abs/gr-qc/0103067v1").id().value()).isEqualTo("gr-qc/0103067");
    }

    @Test
    void rejectsWhatIsNotAnId() {
        assertThatThrownBy(() -> ArxivId.parse("abc")).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> new ArxivId("2405.12345v2")).hasMessageContaining("without version");
    }
}
