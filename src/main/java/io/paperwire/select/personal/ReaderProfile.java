package io.paperwire.select.personal;

import java.util.List;

/**
 * One reader's interests as the ranking sees them (plain data, read from the subscriber's preferences and feedback by
 * the caller): arXiv categories, keywords to follow and to mute (whole words or phrases in title or abstract),
 * authors to follow, how many picks they want, and their votes on papers.
 */
public record ReaderProfile(long readerId, List<String> topics, List<String> follows, List<String> mutes,
                            List<String> authors, int picks, List<Vote> votes) {

    /** "More like this" ({@code +1}) or "less like this" ({@code -1}) on a paper. */
    public record Vote(String arxivId, int vote) {}

    public ReaderProfile {
        topics = List.copyOf(topics);
        follows = List.copyOf(follows);
        mutes = List.copyOf(mutes);
        authors = List.copyOf(authors);
        votes = List.copyOf(votes);
    }

    /** What two readers share when they get the same picks: everything but who they are. */
    Object rankingKey() {
        return List.of(topics, follows, mutes, authors, picks, votes);
    }
}
