package io.paperwire.ops;

import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsSettingsTest {

    @TempDir
    Path home;

    @Test
    void defaultsToMondayMorningUtcWithTheApiOffAndNoApproval() {
        PaperwireSettings.Ops ops = PaperwireSettings.load(home, Map.of(), Map.of()).ops();
        assertThat(ops.schedule().cron()).isEqualTo("0 0 7 ? * MON");
        assertThat(ops.schedule().timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(ops.schedule().grace()).isEqualTo(Duration.ofHours(12));
        assertThat(ops.apiEnabled()).isFalse();
        assertThat(ops.approval()).isFalse();
        assertThat(ops.nodeId()).isNotBlank();
    }

    @Test
    void theAdminTokenComesFromTheEnvironmentAndIsNeverPrinted() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of("PAPERWIRE_ADMIN_TOKEN", "s3cret-token"),
                Map.of());
        assertThat(settings.ops().apiEnabled()).isTrue();
        assertThat(settings.secret("paperwire.admin-token").value()).isEqualTo("s3cret-token");
        assertThat(settings.toString()).doesNotContain("s3cret-token");
        assertThat(settings.asProperties().values()).doesNotContain("s3cret-token");
    }

    @Test
    void namesEveryBadOperationsSettingAndHowToFixIt() {
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of("PAPERWIRE_SCHEDULE_TIME_ZONE", "Mars/Base"),
                Map.of("paperwire.schedule.cron", "every monday", "paperwire.approval", "maybe",
                        "paperwire.alert.arxiv-holidays", "2025-13-40")))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.schedule.cron = 'every monday'").hasMessageContaining("0 0 7 ? * MON")
                .hasMessageContaining("paperwire.schedule.time-zone = 'Mars/Base'")
                .hasMessageContaining("paperwire.approval = 'maybe'").hasMessageContaining("required or off")
                .hasMessageContaining("paperwire.alert.arxiv-holidays = '2025-13-40'");
    }

    @Test
    void aLockRenewedLessThanTwiceWithinItsTimeoutIsRefused() {
        assertThat(PaperwireSettings.load(home, Map.of(), Map.of()).ops().lockTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> PaperwireSettings.load(home, Map.of(), Map.of("paperwire.run.lock-timeout-minutes", "1",
                "paperwire.run.lock-renewal-seconds", "45")))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.run.lock-renewal-seconds = '45'")
                .hasMessageContaining("paperwire.run.lock-timeout-minutes=1");
    }
}
