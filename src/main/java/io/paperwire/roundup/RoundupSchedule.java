package io.paperwire.roundup;

import io.paperwire.paper.RoundupPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The monthly roundup of {@code serve} ({@code routes/serve/roundup-schedule.camel.yaml}): when the cron
 * {@code paperwire.roundup.monthly-cron} fires (by default on the first Monday of a month), the roundup of the month
 * before, published and mailed. A rerun of the same month publishes nothing new and mails nobody twice.
 */
public final class RoundupSchedule {

    private final Clock clock;
    private final ZoneId zone;

    public RoundupSchedule(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The request for the month before today (in the schedule's time zone). */
    public RoundupRequest lastMonth() {
        return new RoundupRequest(RoundupPeriod.monthBefore(LocalDate.now(clock.withZone(zone))), false, false, true);
    }
}
