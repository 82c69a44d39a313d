package io.paperwire.paper;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * An ISO-8601 week such as {@code 2024-W21}: the id of a run and of the issue it produces.
 *
 * <p>The issue of week W covers arXiv's listing days Monday to Friday of W: the papers submitted from Thursday 14:00
 * US Eastern of W-1 up to Thursday 14:00 US Eastern of W. arXiv announces what it received before 14:00 Eastern at
 * 20:00 Eastern (Thursday to Friday 14:00 on Sunday, Friday to Monday 14:00 on Monday), so the Monday listing is
 * announced on Sunday evening and the Friday listing on Thursday evening: the whole window is listed by Thursday 20:00
 * Eastern of W. Consecutive weeks' windows tile time, whatever daylight saving does.
 */
public record Week(int year, int number) implements Comparable<Week> {

    /** arXiv's time zone: its submission deadline and announcements are in US Eastern time. */
    public static final ZoneId ARXIV_ZONE = ZoneId.of("America/New_York");
    /** arXiv's daily submission deadline, US Eastern. */
    public static final LocalTime SUBMISSION_DEADLINE = LocalTime.of(14, 0);
    /** When arXiv announces (publishes the listings), US Eastern. */
    public static final LocalTime ANNOUNCEMENT_TIME = LocalTime.of(20, 0);
    /** How long after an announcement the arXiv API is trusted to answer for it (its search index lags). */
    public static final Duration INDEX_LAG = Duration.ofHours(4);

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

    public Week {
        if (number < 1 || number > LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
            throw new IllegalArgumentException("week " + year + "-W" + number + " does not exist");
        }
    }

    /**
     * @throws IllegalArgumentException naming the text and the expected form when it is not a week
     */
    public static Week parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO week; write it like 2024-W21");
        }
        return new Week(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The ISO week the date falls in. */
    public static Week containing(LocalDate date) {
        return new Week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /**
     * The latest week whose whole window is announced, and in the arXiv API's index ({@link #INDEX_LAG}), at
     * {@code now}: what a run at that time covers when no week is named. On Monday morning that is the week before.
     */
    public static Week latestAnnounced(Instant now) {
        Week week = containing(LocalDate.ofInstant(now, ZoneOffset.UTC));
        while (week.completeAt().isAfter(now)) {
            week = week.previous();
        }
        return week;
    }

    /** The week before this one. */
    public Week previous() {
        return containing(monday().minusWeeks(1));
    }

    /** The week after this one. */
    public Week next() {
        return containing(monday().plusWeeks(1));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Monday to Sunday of the week. */
    public List<LocalDate> days() {
        LocalDate monday = monday();
        return IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
    }

    /** arXiv's listing days of the issue, Monday to Friday ("new submissions for Mon, 20 May 24" …). */
    public List<LocalDate> listingDays() {
        LocalDate monday = monday();
        return IntStream.range(0, 5).mapToObj(monday::plusDays).toList();
    }

    /** The first listing day: Monday. */
    public LocalDate firstListingDay() {
        return monday();
    }

    /** The last listing day: Friday. */
    public LocalDate lastListingDay() {
        return monday().plusDays(4);
    }

    /** The window's start (inclusive): Thursday 14:00 US Eastern before the week's Monday. */
    public Instant submissionsFrom() {
        return monday().minusDays(4).atTime(SUBMISSION_DEADLINE).atZone(ARXIV_ZONE).toInstant();
    }

    /** The window's end (exclusive): Thursday 14:00 US Eastern of the week, the next week's start. */
    public Instant submissionsUntil() {
        return monday().plusDays(3).atTime(SUBMISSION_DEADLINE).atZone(ARXIV_ZONE).toInstant();
    }

    /** When the window's last listing (Friday's) is announced: Thursday 20:00 US Eastern of the week. */
    public Instant announcedAt() {
        return monday().plusDays(3).atTime(ANNOUNCEMENT_TIME).atZone(ARXIV_ZONE).toInstant();
    }

    /** When a run finds the whole window in the arXiv API: {@link #announcedAt()} plus {@link #INDEX_LAG}. */
    public Instant completeAt() {
        return announcedAt().plus(INDEX_LAG);
    }

    /** Whether a paper submitted at {@code instant} belongs to this week's issue. */
    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(submissionsFrom()) && instant.isBefore(submissionsUntil());
    }

    @Override
    public int compareTo(Week other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, number);
    }
}
