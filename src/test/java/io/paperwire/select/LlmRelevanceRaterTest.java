package io.paperwire.select;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Selection;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.Week;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LlmRelevanceRaterTest {

    private static Paper paper(String id, String title) {
        return new Paper(ArxivId.of(id), 1, title, "An abstract about " + title + ".", List.of(), "cs.LG", List.of(),
                Instant.parse("2024-05-21T10:00:00Z"), null, null, null, null, null);
    }

    /** A chat model that answers from a table keyed by a word of the prompt. */
    private static ChatModel answering(Map<String, String> answers) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                String prompt = request.messages().toString();
                String answer = answers.entrySet().stream().filter(e -> prompt.contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException("down"));
                return ChatResponse.builder().aiMessage(AiMessage.from(answer)).build();
            }
        };
    }

    @Test
    void readsOnlyAnIntegerFromOneToTenAndOnePlainLine() {
        assertThat(LlmRelevanceRater.parse("{\"rating\": 8, \"reason\": \"On topic <b>for</b> readers, see http://x.example\"}"))
                .contains(new RelevanceRater.Rating(8, "On topic for readers, see"));
        assertThat(LlmRelevanceRater.parse("{\"rating\": 11, \"reason\": \"too high\"}")).isEmpty();
        assertThat(LlmRelevanceRater.parse("{\"rating\": \"eight\"}")).isEmpty();
        assertThat(LlmRelevanceRater.parse("I would say 8")).isEmpty();
        assertThat(LlmRelevanceRater.parse("{\"rating\": 3, \"reason\": \"" + "x".repeat(500) + "\"}").orElseThrow().reason())
                .hasSize(LlmRelevanceRater.MAX_REASON_CHARS);
    }

    @Test
    void aRatingMovesAPaperAndIsExplainedAFailedOneChangesNothing() {
        LlmRelevanceRater rater = new LlmRelevanceRater(answering(Map.of(
                "Gardening", "{\"rating\": 1, \"reason\": \"Off topic\"}",
                "Planning", "{\"rating\": 10, \"reason\": \"Exactly the readers' interests\"}")));
        SelectStage stage = new SelectStage(SelectionSettings.keywords(List.of(), 3, 0).withLlmRating(10), () -> null, rater);

        Selection selection = stage.select(new Candidates(RunRequest.of(Week.parse("2024-W21")), List.of(
                paper("2405.00001", "Gardening"), paper("2405.00002", "Planning"), paper("2405.00003", "Unrateable")),
                SourceReport.empty()));

        assertThat(selection.papers().map(p -> p.paper().id().value()))
                .containsExactly("2405.00002", "2405.00003", "2405.00001");
        assertThat(selection.papers().findFirst().orElseThrow().reasons())
                .contains("LLM relevance 10/10: Exactly the readers' interests (+10.0)");
        assertThat(selection.papers().skip(1).findFirst().orElseThrow().reasons())
                .noneMatch(r -> r.startsWith("LLM relevance"));
        assertThat(Optional.ofNullable(selection.papers().skip(2).findFirst().orElseThrow().reasons()))
                .hasValueSatisfying(r -> assertThat(r).contains("LLM relevance 1/10: Off topic (-10.0)"));
    }
}
