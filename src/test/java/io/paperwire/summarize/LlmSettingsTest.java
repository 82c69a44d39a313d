package io.paperwire.summarize;

import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest {

    @TempDir
    Path home;

    private LlmSettings load(Map<String, String> env, Map<String, String> cli) {
        return LlmSettings.from(PaperwireSettings.load(home, env, cli));
    }

    @Test
    void theDefaultsNeedNoKeyAndNoNetwork() {
        LlmSettings settings = load(Map.of(), Map.of());

        assertThat(settings.usesLlm()).isFalse();
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ChatModels.summarizer(settings, home)).isInstanceOf(ExtractiveSummarizer.class);
    }

    @Test
    void readsTheKeyFromTheEnvironmentAndNeverShowsIt() {
        LlmSettings settings = load(Map.of("PAPERWIRE_LLM_API_KEY", "sk-very-secret"),
                Map.of("paperwire.llm.provider", "anthropic", "paperwire.llm.model", "claude-3-5-haiku-latest"));

        assertThat(settings.apiKey().value()).isEqualTo("sk-very-secret");
        assertThat(settings.toString()).doesNotContain("sk-very-secret");
        assertThat(ChatModels.summarizer(settings, home).model()).isEqualTo("anthropic:claude-3-5-haiku-latest");
        assertThat(settings.price()).contains(new LlmSettings.Price(0.80, 4.00));
    }

    @Test
    void listsEveryBadValueWithItsKeyAndHowToFixIt() {
        assertThatThrownBy(() -> load(Map.of(), Map.of(
                "paperwire.llm.provider", "anthropic",
                "paperwire.llm.concurrency", "0",
                "paperwire.llm.timeout-seconds", "soon",
                "paperwire.llm.prices", "gpt-4o-mini=cheap")))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.llm.model = '': name the model")
                .hasMessageContaining("PAPERWIRE_LLM_API_KEY: provider anthropic needs an API key")
                .hasMessageContaining("paperwire.llm.concurrency = '0': give a whole number from 1 to 64")
                .hasMessageContaining("paperwire.llm.timeout-seconds = 'soon'")
                .hasMessageContaining("paperwire.llm.prices = 'gpt-4o-mini=cheap': write each price as model=input/output");
    }

    @Test
    void aLocalOpenAiCompatibleServerNeedsNoKey() {
        LlmSettings settings = load(Map.of(), Map.of("paperwire.llm.provider", "openai",
                "paperwire.llm.base-url", "http://127.0.0.1:8000/v1", "paperwire.llm.model", "phi-3-mini"));

        assertThat(settings.apiKey().isPresent()).isFalse();
        assertThat(settings.price()).isEmpty();
        assertThat(ChatModels.summarizer(settings, home)).isInstanceOf(LlmSummarizer.class);
    }
}
