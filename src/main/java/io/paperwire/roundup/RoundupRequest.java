package io.paperwire.roundup;

import io.paperwire.paper.RoundupPeriod;

import java.util.Objects;

/**
 * What an operator (or the monthly schedule) asked for: the period to round up and how.
 *
 * @param dryRun rank, write and render a preview, but publish and send nothing
 * @param force  make a new edition of a period published before, or a roundup of a period not over yet
 * @param send   mail the roundup to the active subscribers (false: publish to the archive only)
 */
public record RoundupRequest(RoundupPeriod period, boolean dryRun, boolean force, boolean send) {

    public RoundupRequest {
        Objects.requireNonNull(period, "period");
    }
}
