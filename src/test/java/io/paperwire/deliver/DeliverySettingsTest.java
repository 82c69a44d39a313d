package io.paperwire.deliver;

import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverySettingsTest {

    @TempDir
    Path home;

    @Test
    void theDefaultsAreReadFromTheBundledProperties() {
        DeliverySettings settings = DeliverySettings.from(PaperwireSettings.load(home, Map.of(), Map.of()));

        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.ratePerSecond()).isZero();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.sslTrust()).as("no relay trusted beyond the JVM's trust store").isEmpty();
        assertThat(settings.outage().maxWait()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.retryEvery()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.retryFor()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void theOutageWaitAndRetryIntervalTakeFractionsOfAMinuteAndRefuseNonsenseNamingTheKey() {
        DeliverySettings settings = DeliverySettings.from(PaperwireSettings.load(home, Map.of(), Map.of(
                "paperwire.deliver.outage-wait-minutes", "0.05", "paperwire.deliver.retry-minutes", "0.5")));
        assertThat(settings.outage().maxWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.retryEvery()).isEqualTo(Duration.ofSeconds(30));

        assertThatThrownBy(() -> DeliverySettings.from(PaperwireSettings.load(home, Map.of(), Map.of(
                "paperwire.deliver.outage-wait-minutes", "soon", "paperwire.deliver.retry-hours", "-1"))))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.deliver.outage-wait-minutes = 'soon': give a number from 0.01 to 1440")
                .hasMessageContaining("paperwire.deliver.retry-hours = '-1'");
    }

    @Test
    void probesStartSoonAndBackOffToTheCap() {
        DeliverySettings.Outage outage = DeliverySettings.defaults().outage();
        assertThat(outage.beforeProbe(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(outage.beforeProbe(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(outage.beforeProbe(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(outage.beforeProbe(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(outage.beforeProbe(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badValuesAreAllNamedWithTheirFix() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of(
                "paperwire.deliver.concurrency", "99", "paperwire.smtp.ssl", "maybe"));

        assertThatThrownBy(() -> DeliverySettings.from(settings))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.deliver.concurrency = '99': give a whole number from 1 to 6")
                .hasMessageContaining("paperwire.smtp.ssl = 'maybe': write true or false");
    }

    @Test
    void retriesBackOffExponentiallyUpToAMinute() {
        DeliverySettings settings = DeliverySettings.defaults().withRetries(5, Duration.ofMillis(500), 10);

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoff(30)).isEqualTo(Duration.ofMinutes(1));
    }
}
