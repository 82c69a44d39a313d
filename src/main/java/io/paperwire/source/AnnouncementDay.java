package io.paperwire.source;

import io.paperwire.paper.Paper;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of arXiv announcements, from the RSS feed or a listing page.
 *
 * @param date     the announcement day the feed or page names (null when it names none)
 * @param items    the announced papers with their announce type
 * @param problems items that were skipped, each with its position
 */
public record AnnouncementDay(LocalDate date, List<Announcement> items, List<String> problems) {

    /** One announced paper: {@code type} is new, cross, replace or replace-cross. */
    public record Announcement(Paper paper, String type) {}

    public AnnouncementDay {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }
}
