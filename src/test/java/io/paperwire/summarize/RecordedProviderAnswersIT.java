package io.paperwire.summarize;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real answers recorded from OpenAI, Anthropic and Ollama (in {@code ../shared/fixtures/real}; skipped when absent)
 * replayed through WireMock: LangChain4j reads them, the token counts arrive, and because none of them is the JSON
 * summary asked for, the paper gets the extractive summary, marked. Recorded errors are classified as they should be.
 */
@UsesRealRecordings
class RecordedProviderAnswersIT {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")).build();

    private static String recording(String name) throws Exception {
        Path file = RealFixtures.folder().resolve(name);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "recording " + file + " is absent");
        return Files.readString(file);
    }

    @ParameterizedTest
    @CsvSource({
            "OPENAI, openai-chat-completion-text.json, 146, 3",
            "ANTHROPIC, anthropic-messages-text.json, 400, 270",
            "OLLAMA, ollama-api-chat-nonstream.docs-example.json, 26, 298"})
    void aRecordedPlainTextAnswerIsReadCountedAndReplacedByTheMarkedExtract(ProviderStub p, String file, long in, long out)
            throws Exception {
        server.stubFor(post(urlPathEqualTo(p.path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(recording(file))));
        LlmUsage usage = new LlmUsage(Optional.empty(), 0, 0);

        Summarizer.Outcome outcome = p.summarizer(p.settings(server.baseUrl(), Duration.ofSeconds(5), 0))
                .write(Answers.paper("2405.00001"), Summarizer.Depth.FULL, usage);

        assertThat(usage.calls()).isEqualTo(2);
        assertThat(usage.inputTokens()).isEqualTo(2 * in);
        assertThat(usage.outputTokens()).isEqualTo(2 * out);
        assertThat(outcome.summary().fallback()).isTrue();
        assertThat(outcome.summary().tldr()).isNotBlank();
        assertThat(outcome.notes()).singleElement().asString().contains("invalid twice");
    }

    @ParameterizedTest
    @CsvSource({
            "openai-error-429-rate-limit.from-github-pr.json, 429, 3",
            "openai-error-404-model-not-found.json, 404, 1",
            "openai-error-400-unsupported-parameter.json, 400, 1"})
    void recordedOpenAiErrorsAreRetriedOnlyWhenWaitingCanHelp(String file, int status, int expectedCalls) throws Exception {
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(recording(file))));

        Summarizer.Outcome outcome = ProviderStub.OPENAI.summarizer(ProviderStub.OPENAI.settings(server.baseUrl(), Duration.ofSeconds(5), 2))
                .write(Answers.paper("2405.00001"), Summarizer.Depth.TLDR, LlmUsage.unlimited());

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(expectedCalls);
        assertThat(outcome.summary().fallback()).isTrue();
        assertThat(outcome.notes()).singleElement().asString().contains("HTTP " + status);
    }
}
