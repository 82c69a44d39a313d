package io.paperwire.subscribers;

import io.paperwire.settings.SettingsReader;

import java.time.Duration;

/**
 * Self-service subscription ({@code paperwire.subscribe.*}).
 *
 * @param perIpPerHour subscribe requests one address (IP) may make in an hour
 * @param confirmFor   how long a confirmation link works
 */
public record SubscribeSettings(int perIpPerHour, Duration confirmFor) {

    /** Reads {@code paperwire.subscribe.*}, adding every problem to {@code read}. */
    public static SubscribeSettings read(SettingsReader read) {
        return new SubscribeSettings(read.integer("paperwire.subscribe.per-ip-per-hour", 1, 1_000_000),
                Duration.ofHours(read.integer("paperwire.subscribe.confirm-hours", 1, 24 * 365)));
    }
}
