package io.paperwire.roundup;

import io.paperwire.deliver.Edition;
import io.paperwire.paper.Roundup;

/**
 * A roundup with its email rendered; {@code id} is its row once published (0 before). The bodies hold the
 * per-subscriber unsubscribe slot until delivery.
 *
 * @param written how the text came about (null for a roundup loaded as published before)
 */
public record RenderedRoundup(RoundupRequest request, long id, Roundup roundup, String subject, String html,
                              String text, WrittenRoundup written) {

    public RenderedRoundup withId(long newId) {
        return new RenderedRoundup(request, newId, roundup, subject, html, text, written);
    }

    /** The roundup as an edition for the deliver stage. */
    public Edition edition() {
        return new Edition(id, roundup.slug(), subject, html, text);
    }
}
