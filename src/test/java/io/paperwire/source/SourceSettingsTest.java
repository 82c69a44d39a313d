package io.paperwire.source;

import io.paperwire.Paperwire;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceSettingsTest {

    @TempDir
    Path home;

    @Test
    void theDefaultsCollectTheApiWindowPolitely() {
        SourceSettings settings = SourceSettings.from(PaperwireSettings.load(home, Map.of(), Map.of()));

        assertThat(settings.mode()).isEqualTo(SourceSettings.Mode.API);
        assertThat(settings.announceTypes()).containsExactlyInAnyOrder("new", "cross");
        assertThat(settings.retry().attempts()).isEqualTo(4);
        assertThat(settings.cacheMaxAge()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.allowedHosts()).contains("export.arxiv.org", "huggingface.co");
        assertThat(settings.hfTrending()).isTrue();
    }

    @Test
    void everyBadValueIsNamedWithHowToFixIt() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of("PAPERWIRE_ARXIV_MODE", "oai"), Map.of(
                "paperwire.arxiv.rss-announce-types", "new updated",
                "paperwire.http.retries", "-1",
                "paperwire.hf.trending", "sometimes"));

        assertThatThrownBy(() -> SourceSettings.from(settings))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.arxiv.mode = 'oai': write api")
                .hasMessageContaining("PAPERWIRE_ARXIV_MODE")
                .hasMessageContaining("paperwire.arxiv.rss-announce-types = 'new updated': use some of new, cross")
                .hasMessageContaining("paperwire.http.retries = '-1': give a whole number from 0 to 10")
                .hasMessageContaining("paperwire.hf.trending = 'sometimes': write true or false");
    }

    @Test
    void aBadSourceSettingStopsTheRunBeforeAnyRequestWithExitCode2() {
        CommandResult result = CommandResult.paperwire("--home", home.toString(),
                "--set", "paperwire.http.allowed-hosts=", "--set", "paperwire.arxiv.page-retries=many",
                "run", "--week", "2024-W21");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(Paperwire.EXIT_USAGE);
        assertThat(result.err()).contains("paperwire.arxiv.page-retries = 'many': give a whole number from 0 to 10");
    }

    @Test
    void rssModeIsSelectable() {
        SourceSettings settings = SourceSettings.from(PaperwireSettings.load(home, Map.of(), Map.of(
                "paperwire.arxiv.mode", "RSS", "paperwire.arxiv.rss-announce-types", "new,cross,replace")));

        assertThat(settings.mode()).isEqualTo(SourceSettings.Mode.RSS);
        assertThat(settings.announceTypes()).containsExactlyInAnyOrder("new", "cross", "replace");
    }
}
