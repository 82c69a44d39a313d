package io.paperwire.subscribers;

import io.paperwire.store.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each reader's {@link Preferences} and {@link FeedbackVote}s in the database, and forgetting a reader: their
 * preferences and feedback deleted, their address and salt replaced, so nothing names them any more and no link sent
 * to them works.
 */
public final class PreferencesStore {

    private static final String COLUMNS = "subscriber_id, weekly, roundups, topics, follow_keywords, mute_keywords,"
            + " follow_authors, picks, email_format";

    private final Database database;

    public PreferencesStore(Database database) {
        this.database = database;
    }

    /** The reader's own preferences; empty when they never set any. */
    public Optional<Preferences> of(long subscriberId) {
        return database.queryOne("SELECT " + COLUMNS + " FROM subscriber_preferences WHERE subscriber_id = ?",
                PreferencesStore::map, subscriberId);
    }

    /** Every reader's preferences, by subscriber id (readers without a row are absent). */
    public Map<Long, Preferences> all() {
        Map<Long, Preferences> all = new HashMap<>();
        database.query("SELECT " + COLUMNS + " FROM subscriber_preferences", row -> {
            all.put(row.getLong("subscriber_id"), map(row));
            return null;
        });
        return all;
    }

    /** The readers who asked for the TL;DRs only. */
    public java.util.Set<Long> readersOfTheShortFormat() {
        return new java.util.HashSet<>(database.query("SELECT subscriber_id FROM subscriber_preferences"
                + " WHERE email_format = ?", row -> row.getLong("subscriber_id"), Preferences.Format.SHORT.column()));
    }

    /** Stores the preferences, replacing earlier ones. */
    public void save(long subscriberId, Preferences p) {
        Instant now = Instant.now();
        database.inTransaction(c -> {
            Database.update(c, "DELETE FROM subscriber_preferences WHERE subscriber_id = ?", subscriberId);
            Database.update(c, "INSERT INTO subscriber_preferences (" + COLUMNS + ", updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", subscriberId, p.weekly(), p.roundups(),
                    lines(p.topics()), lines(p.follows()), lines(p.mutes()), lines(p.authors()), p.picks(),
                    p.format().column(), now);
            return null;
        });
    }

    /** Records a vote, replacing the reader's earlier vote on the same paper. */
    public void vote(long subscriberId, String arxivId, int vote) {
        FeedbackVote checked = new FeedbackVote(subscriberId, arxivId, vote, Instant.now());
        database.inTransaction(c -> {
            Database.update(c, "DELETE FROM feedback WHERE subscriber_id = ? AND arxiv_id = ?", subscriberId, arxivId);
            Database.update(c, "INSERT INTO feedback (subscriber_id, arxiv_id, vote, created_at) VALUES (?, ?, ?, ?)",
                    subscriberId, arxivId, checked.vote(), checked.at());
            return null;
        });
    }

    /** One reader's votes, oldest first. */
    public List<FeedbackVote> feedback(long subscriberId) {
        return database.query("SELECT subscriber_id, arxiv_id, vote, created_at FROM feedback WHERE subscriber_id = ?"
                + " ORDER BY created_at, arxiv_id", PreferencesStore::vote, subscriberId);
    }

    /** Every reader's votes, by subscriber id. */
    public Map<Long, List<FeedbackVote>> allFeedback() {
        Map<Long, List<FeedbackVote>> all = new HashMap<>();
        database.query("SELECT subscriber_id, arxiv_id, vote, created_at FROM feedback ORDER BY created_at, arxiv_id",
                row -> {
                    FeedbackVote v = vote(row);
                    all.computeIfAbsent(v.subscriberId(), id -> new ArrayList<>()).add(v);
                    return null;
                });
        return all;
    }

    /**
     * Deletes what the reader told us (preferences, feedback) and what names them: the address becomes
     * {@code forgotten-<id>@forgotten.invalid}, the salt of their links is replaced (every link sent to them stops
     * working), the record of consent and the delivery errors are cleared, and they are unsubscribed. The delivery
     * rows stay, without the address, so an issue is not sent again to the same row.
     *
     * @return whether the subscriber existed
     */
    public boolean forget(long subscriberId) {
        Instant now = Instant.now();
        return database.inTransaction(c -> {
            Database.update(c, "DELETE FROM subscriber_preferences WHERE subscriber_id = ?", subscriberId);
            Database.update(c, "DELETE FROM feedback WHERE subscriber_id = ?", subscriberId);
            Database.update(c, "DELETE FROM personal_picks WHERE subscriber_id = ?", subscriberId);
            Database.update(c, "UPDATE deliveries SET last_error = NULL WHERE subscriber_id = ?", subscriberId);
            return Database.update(c, "UPDATE subscribers SET email = ?, token = ?, state = 'unsubscribed',"
                            + " source = 'forgotten', confirmed_at = NULL, updated_at = ? WHERE id = ?",
                    SubscriberStore.FORGOTTEN_PREFIX + subscriberId + SubscriberStore.FORGOTTEN_DOMAIN,
                    SubscriberStore.newToken(), now, subscriberId) > 0;
        });
    }

    private static String lines(List<String> entries) {
        return String.join("\n", entries);
    }

    private static List<String> entries(String column) {
        return column == null || column.isEmpty() ? List.of() : List.of(column.split("\n"));
    }

    private static Preferences map(ResultSet row) throws SQLException {
        int stored = row.getInt("picks");
        Integer picks = row.wasNull() ? null : stored;
        return new Preferences(row.getBoolean("weekly"), row.getBoolean("roundups"), entries(row.getString("topics")),
                entries(row.getString("follow_keywords")), entries(row.getString("mute_keywords")),
                entries(row.getString("follow_authors")), picks,
                Preferences.Format.of(row.getString("email_format")));
    }

    private static FeedbackVote vote(ResultSet row) throws SQLException {
        return new FeedbackVote(row.getLong("subscriber_id"), row.getString("arxiv_id"), row.getInt("vote"),
                Database.instant(row, "created_at"));
    }
}
