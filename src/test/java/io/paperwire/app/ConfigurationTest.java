package io.paperwire.app;

import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationTest {

    @TempDir
    Path home;

    @Test
    void theBundledDefaultsMakeAWholeConfiguration() {
        Configuration configuration = Configuration.load(home, Map.of(), Map.of());

        assertThat(configuration.delivery().concurrency()).isEqualTo(4);
        assertThat(configuration.selection().semanticPool()).isEqualTo(300);
        assertThat(configuration.layout().trending()).isEqualTo(5);
        assertThat(configuration.subscribe().perIpPerHour()).isEqualTo(10);
    }

    @Test
    void badValuesInEveryGroupAreReportedTogetherAtOneStart() {
        Map<String, String> bad = Map.of(
                "paperwire.http.port", "0",                      // shared settings
                "paperwire.arxiv.mode", "ftp",                   // source
                "paperwire.select.semantic-pool", "0",           // select
                "paperwire.llm.concurrency", "0",                // summarize
                "paperwire.email.trending", "99",                // render layout
                "paperwire.deliver.concurrency", "99",           // deliver
                "paperwire.subscribe.confirm-hours", "0",        // subscribe
                "paperwire.list-mailbox.port", "0");             // list mailbox

        assertThatThrownBy(() -> Configuration.load(home, Map.of(), bad))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.http.port = '0'")
                .hasMessageContaining("paperwire.arxiv.mode = 'ftp'")
                .hasMessageContaining("paperwire.select.semantic-pool = '0'")
                .hasMessageContaining("paperwire.llm.concurrency = '0'")
                .hasMessageContaining("paperwire.email.trending = '99'")
                .hasMessageContaining("paperwire.deliver.concurrency = '99'")
                .hasMessageContaining("paperwire.subscribe.confirm-hours = '0'")
                .hasMessageContaining("paperwire.list-mailbox.port = '0'");
    }
}
