package io.paperwire.personalise;

import io.paperwire.select.personal.PersonalSettings;
import io.paperwire.select.personal.ReaderProfile;
import io.paperwire.subscribers.FeedbackVote;
import io.paperwire.subscribers.Preferences;

import java.util.List;

/**
 * Turns a subscriber's preferences and votes into the {@link ReaderProfile} the ranking reads: their own interests,
 * or the newsletter's when they chose none (so a reader who set nothing still gets picks, as many as
 * {@code paperwire.personal.default-picks}); their mutes and votes always their own.
 */
public final class ReaderProfiles {

    /** The newsletter's own interests, which stand in for a reader's when they chose none. */
    public record DefaultInterests(List<String> topics, List<String> follows, List<String> authors) {}

    private final PersonalSettings settings;
    private final DefaultInterests defaults;

    public ReaderProfiles(PersonalSettings settings, DefaultInterests defaults) {
        this.settings = settings;
        this.defaults = defaults;
    }

    /** @param chosen the reader's preferences, or null when they never set any */
    public ReaderProfile of(long readerId, Preferences chosen, List<FeedbackVote> votes) {
        Preferences own = chosen == null ? Preferences.DEFAULT : chosen;
        int count = own.picks() != null ? own.picks() : settings.defaultPicks();
        List<ReaderProfile.Vote> profileVotes = votes.stream()
                .map(v -> new ReaderProfile.Vote(v.arxivId(), v.vote())).toList();
        if (own.hasInterests()) {
            return new ReaderProfile(readerId, own.topics(), own.follows(), own.mutes(), own.authors(), count,
                    profileVotes);
        }
        return new ReaderProfile(readerId, defaults.topics(), defaults.follows(), own.mutes(), defaults.authors(),
                count, profileVotes);
    }
}
