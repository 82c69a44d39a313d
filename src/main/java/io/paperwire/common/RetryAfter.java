package io.paperwire.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds or an HTTP date. */
public final class RetryAfter {

    private RetryAfter() {}

    /** How long the server asked to wait from now; empty when the header is absent or unreadable. */
    public static Optional<Duration> parse(String value, Clock clock) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(text) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), until);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
