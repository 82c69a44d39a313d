package io.paperwire.roundup;

import io.paperwire.paper.RoundupPeriod;
import io.paperwire.settings.SettingsReader;
import org.quartz.CronExpression;

/**
 * How roundups are made ({@code paperwire.roundup.*}).
 *
 * @param papersPerMonth   how many papers a month's roundup ranks ({@code paperwire.roundup.papers})
 * @param papersPerQuarter how many a quarter's ({@code paperwire.roundup.papers-per-quarter})
 * @param papersPerYear    how many a year's ({@code paperwire.roundup.papers-per-year})
 * @param monthly          whether {@code serve} makes and mails last month's roundup on {@code monthlyCron}
 * @param monthlyCron      Quartz cron of the monthly roundup, by default the first Monday of the month
 */
public record RoundupSettings(int papersPerMonth, int papersPerQuarter, int papersPerYear, boolean monthly,
                              String monthlyCron) {

    /** Reads {@code paperwire.roundup.*}, adding every problem to {@code read}. */
    public static RoundupSettings read(SettingsReader read) {
        String cron = read.text("paperwire.roundup.monthly-cron");
        if (!CronExpression.isValidExpression(cron)) {
            read.problem("paperwire.roundup.monthly-cron", cron,
                    "write a Quartz cron expression, e.g. '0 0 8 ? * MON#1' (08:00 on the first Monday of the month)");
        }
        return new RoundupSettings(read.integer("paperwire.roundup.papers", 1, 100),
                read.integer("paperwire.roundup.papers-per-quarter", 1, 100),
                read.integer("paperwire.roundup.papers-per-year", 1, 200),
                read.bool("paperwire.roundup.monthly"), cron);
    }

    /** How many papers a roundup of this period ranks. */
    public int papers(RoundupPeriod period) {
        return switch (period.kind()) {
            case MONTH -> papersPerMonth;
            case QUARTER -> papersPerQuarter;
            case YEAR -> papersPerYear;
        };
    }
}
