package io.paperwire.subscribers;

import java.time.Instant;

/**
 * A reader's "more like this" ({@code +1}) or "less like this" ({@code -1}) on one paper; the latest vote per
 * (reader, paper) is kept.
 */
public record FeedbackVote(long subscriberId, String arxivId, int vote, Instant at) {

    public FeedbackVote {
        if (vote != 1 && vote != -1) {
            throw new IllegalArgumentException("a vote is +1 or -1, not " + vote);
        }
    }
}
