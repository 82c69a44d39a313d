package io.paperwire.source;

import io.paperwire.paper.Paper;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HuggingFaceParserTest {

    private final HuggingFaceParser parser = new HuggingFaceParser();

    @Test
    void readsTheArxivIdUpvotesAndLinksOfEachItem() throws IOException {
        HuggingFaceParser.Page page;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hf/two-items-one-broken.json")) {
            page = parser.parse(in);
        }

        Paper paper = page.papers().get(0);
        assertThat(paper.id().value()).isEqualTo("2405.10001");
        assertThat(paper.title()).isEqualTo("Folding Tables: Sparse Routing for Tabular Language Models");
        assertThat(paper.signals().onHuggingFace()).isTrue();
        assertThat(paper.signals().upvotes()).isEqualTo(42);
        assertThat(paper.signals().comments()).isEqualTo(3);
        assertThat(paper.signals().githubRepo()).isEqualTo("https://github.com/example/folding-tables");
        assertThat(paper.signals().aiKeywords()).containsExactly("sparse routing", "tables");
        assertThat(paper.authors()).extracting(a -> a.name()).containsExactly("Ana Müller");
    }

    @Test
    void dropsLinksThatAreNotHttp() throws IOException {
        HuggingFaceParser.Page page;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hf/two-items-one-broken.json")) {
            page = parser.parse(in);
        }

        assertThat(page.papers().get(0).signals().projectPage()).isEmpty();
    }

    @Test
    void skipsAnItemWithoutIdAndSaysWhichOne() throws IOException {
        HuggingFaceParser.Page page;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hf/two-items-one-broken.json")) {
            page = parser.parse(in);
        }

        assertThat(page.papers()).hasSize(1);
        assertThat(page.problems()).singleElement().asString().contains("item 2").contains("no paper.id");
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        assertThatThrownBy(() -> parser.parse(stream("[{\"paper\": {\"id\": \"2405.1\"")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void rejectsABodyThatIsNotAnArray() {
        assertThatThrownBy(() -> parser.parse(stream("{\"error\":\"Invalid date\"}")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    @UsesRealRecordings
    void parsesEveryRealRecording() throws IOException {
        Path folder = RealFixtures.folder();
        for (String name : new String[] {"hf-daily-papers-2026-06-12.json", "hf-daily-papers-2024-10-25.json"}) {
            HuggingFaceParser.Page page;
            try (InputStream in = Files.newInputStream(folder.resolve(name))) {
                page = parser.parse(in);
            }
            int items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve(name).toFile()).size();
            assertThat(page.papers()).as(name).hasSize(items);
            assertThat(page.problems()).as(name).isEmpty();
            assertThat(page.papers()).allSatisfy(p -> {
                assertThat(p.title()).isNotBlank().doesNotContain("\n");
                assertThat(p.signals().upvotes()).isNotNegative();
            });
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
