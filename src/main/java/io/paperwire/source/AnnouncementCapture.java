package io.paperwire.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The daily step of RSS mode: arXiv's feed only ever shows the current announcement day, so each announcement day
 * must be stored on that day for the weekly run to find the whole week. Called by {@code serve}'s daily schedule
 * ({@code routes/serve/announcements.camel.yaml}) and by {@code paperwire collect}. In API mode there is nothing to
 * store: the API answers for any past window.
 */
public final class AnnouncementCapture {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementCapture.class);

    private final Optional<ArxivRssSource> feed;

    public AnnouncementCapture(Optional<ArxivRssSource> feed) {
        this.feed = feed;
    }

    /** What a capture did, in one line, and whether it failed (nothing stored and a source failed). */
    public record Result(String summary, boolean failed) {}

    /** Stores today's announcements and says what was stored; a failure is logged and said, never thrown. */
    public Result capture() {
        if (feed.isEmpty()) {
            String skipped = "arXiv is read through the API (paperwire.arxiv.mode=api): no announcement day to store";
            LOG.debug(skipped);
            return new Result(skipped, false);
        }
        ArxivRssSource.Capture capture = feed.get().capture();
        String summary = "arXiv announcements of " + capture.today() + ": " + capture.announcements() + " stored"
                + (capture.problems().isEmpty() ? "" : "; " + String.join("; ", capture.problems()));
        boolean failed = capture.announcements() == 0 && !capture.failures().isEmpty();
        if (failed) {
            LOG.warn(summary);
        } else {
            LOG.info(summary);
        }
        return new Result(summary, failed);
    }
}
