package io.paperwire.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2024-05-27T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsWholeOrFractional() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0.5", clock)).contains(Duration.ofMillis(500));
    }

    @Test
    void readsAnHttpDateAsTheTimeLeftUntilThen() {
        assertThat(RetryAfter.parse("Mon, 27 May 2024 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }
}
