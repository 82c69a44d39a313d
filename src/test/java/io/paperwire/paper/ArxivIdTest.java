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

    @Test
    void oldStyleIdsGetAFileNameWithoutASlashAndNoTwoIdsShareOne() {
        assertThat(ArxivId.of("2405.12345").fileSafe()).isEqualTo("2405.12345");
        assertThat(ArxivId.of("hep-th/9901001").fileSafe()).isEqualTo("hep-th_9901001");
        assertThat(ArxivId.of("math.AG/0101001").fileSafe()).isEqualTo("math.AG_0101001");
        assertThat(java.util.stream.Stream.of("hep-th/9901001", "hep-th/9901002", "hep-ph/9901001", "9901.00100")
                .map(id -> ArxivId.of(id).fileSafe()).distinct()).hasSize(4);
    }

    @Test
    void linksArxivsHtmlVersionOnlyForPapersSinceArxivMakesOne() {
        assertThat(ArxivId.of("2405.12345").htmlUrl()).isEqualTo("https://arxiv.org/html/2405.12345");
        assertThat(ArxivId.of("2312.00001").htmlUrl()).isEqualTo("https://arxiv.org/html/2312.00001");
        assertThat(ArxivId.of("2311.99999").htmlUrl()).isEmpty();
        assertThat(ArxivId.of("hep-th/9901001").htmlUrl()).isEmpty();
    }
}
