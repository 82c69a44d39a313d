package io.paperwire.deliver;

import io.paperwire.PaperwireSettings;
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
