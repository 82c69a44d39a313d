package io.paperwire.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaperwireSettingsTest {

    @TempDir
    Path home;

    @Test
    void worksWithNoConfigurationAtAll() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());

        assertThat(settings.outDir()).isEqualTo(home.resolve("out"));
        assertThat(settings.db().url()).startsWith("jdbc:h2:file:" + home.resolve("data"));
        assertThat(settings.llm().provider()).isEqualTo("extractive");
        assertThat(settings.smtp().enabled()).isFalse();
        assertThat(settings.arxiv().categories()).containsExactly("cs.AI", "cs.LG", "cs.CL", "cs.CV", "stat.ML");
        assertThat(settings.interests().keywords()).contains("language model", "reasoning");
    }

    @Test
    void layersFileThenEnvironmentThenCommandLine() throws IOException {
        Files.writeString(home.resolve("paperwire.properties"),
                "paperwire.arxiv.api-url=http://mirror.example/api\npaperwire.http.port=9000\npaperwire.smtp.host=file-host\n");
        Map<String, String> env = Map.of("PAPERWIRE_HTTP_PORT", "9100", "PAPERWIRE_SMTP_HOST", "env-host");

        PaperwireSettings settings = PaperwireSettings.load(home, env, Map.of("paperwire.smtp.host", "cli-host"));

        assertThat(settings.arxiv().apiUrl().toString()).isEqualTo("http://mirror.example/api");
        assertThat(settings.http().port()).isEqualTo(9100);
        assertThat(settings.smtp().host()).isEqualTo("cli-host");
    }

    @Test
    void theArchiveTakesSubscriptionsWhereServeOrTheSubscribeUrlDoes() {
        assertThat(PaperwireSettings.load(home, Map.of(), Map.of()).site().subscribeFormAction())
                .hasValue("http://localhost:8080/subscribe");
        assertThat(PaperwireSettings.load(home, Map.of(), Map.of("paperwire.site.serve", "false")).site()
                .subscribeFormAction()).isEmpty();
        assertThat(PaperwireSettings.load(home, Map.of("PAPERWIRE_SITE_SERVE", "false",
                "PAPERWIRE_SITE_SUBSCRIBE_URL", "https://list.example.org/join"), Map.of()).site().subscribeFormAction())
                .hasValue("https://list.example.org/join");
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of(), Map.of("paperwire.site.subscribe-url", "/join")))
                .hasMessageContaining("paperwire.site.subscribe-url = '/join'").hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of(), Map.of("paperwire.site.serve", "yes")))
                .hasMessageContaining("paperwire.site.serve = 'yes'").hasMessageContaining("true or false");
    }

    @Test
    void aBadValueNamesItsKeyAndHowToFixIt() {
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of("PAPERWIRE_SMTP_PORT", "abc"), Map.of()))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.smtp.port = 'abc'")
                .hasMessageContaining("whole number from 1 to 65535")
                .hasMessageContaining("PAPERWIRE_SMTP_PORT");
    }

    @Test
    void reportsEveryBadKeyAtOnce() {
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of(),
                Map.of("paperwire.llm.provider", "gpt", "paperwire.hf.api-url", "not a url")))
                .hasMessageContaining("paperwire.llm.provider = 'gpt'")
                .hasMessageContaining("paperwire.hf.api-url = 'not a url'");
    }

    @Test
    void refusesAnUnknownKeyOnTheCommandLine() {
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of(), Map.of("paperwire.typo", "x")))
                .hasMessageContaining("paperwire.typo: unknown setting");
    }

    @Test
    void secretsComeFromTheEnvironmentAndAreNeverPrinted() {
        PaperwireSettings settings = PaperwireSettings.load(home,
                Map.of("PAPERWIRE_SMTP_PASSWORD", "hunter2", "PAPERWIRE_LLM_API_KEY", "sk-secret"), Map.of());

        assertThat(settings.smtp().password().value()).isEqualTo("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("sk-secret");
        assertThat(settings.asProperties().toString()).doesNotContain("hunter2").doesNotContain("sk-secret");
    }

    @Test
    void refusesASecretWrittenIntoTheSettingsFile() throws IOException {
        Files.writeString(home.resolve("paperwire.properties"), "paperwire.smtp.password=hunter2\n");

        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of(), Map.of()))
                .hasMessageContaining("paperwire.smtp.password: secrets are read from the environment only")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void namesTheEnvironmentVariableOfAKey() {
        assertThat(PaperwireSettings.environmentName("paperwire.arxiv.api-url")).isEqualTo("PAPERWIRE_ARXIV_API_URL");
    }
}
