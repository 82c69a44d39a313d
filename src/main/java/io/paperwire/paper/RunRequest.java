package io.paperwire.paper;

import java.util.Objects;

/**
 * What an operator (or the schedule) asked for: the week to build and how.
 *
 * @param sample  read the bundled sample week instead of the live sources
 * @param dryRun  fetch, select, summarise and render a preview, but publish and send nothing
 * @param force   make a new edition of a week that was already published
 * @param send    mail the issue to subscribers (false: publish to the archive only)
 */
public record RunRequest(Week week, boolean sample, boolean dryRun, boolean force, boolean send) {

    /** The week of the bundled sample ({@code --sample}), as written on the command line. */
    public static final String SAMPLE_WEEK_ID = "2024-W21";
    public static final Week SAMPLE_WEEK = Week.parse(SAMPLE_WEEK_ID);

    public RunRequest {
        Objects.requireNonNull(week, "week");
    }

    public static RunRequest of(Week week) {
        return new RunRequest(week, false, false, false, true);
    }
}
