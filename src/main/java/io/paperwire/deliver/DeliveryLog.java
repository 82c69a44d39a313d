package io.paperwire.deliver;

import io.paperwire.store.Database;
import io.paperwire.store.DatabaseException;
import io.paperwire.subscribers.Subscriber;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The delivery log: one row per (issue, subscriber), created {@code pending} before its message is sent and moved to
 * {@code sent} (with the Message-ID) only once the SMTP server accepted the message, so a rerun after a crash sends
 * exactly what is missing.
 *
 * <p>Workers take rows through {@link #claims(long, String, List)}. On PostgreSQL each claim is a row lock taken with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and held until the row is marked, so several processes can share one
 * send: a row is never handed to two workers, and a row whose process dies is unlocked by the server and taken by
 * the next run ({@link LockingClaims}). The embedded H2 database is open in one process only, and its
 * {@code SKIP LOCKED} applies the {@code LIMIT} before skipping; there the workers of that one process share an
 * in-memory cursor instead ({@link CursorClaims}), and the {@code sent} marks go to a {@link SentJournal} file at
 * once and into the database in group commits ({@link SentRecorder}); a journal left by a process that died is
 * replayed when the log is opened and before each send reads it.
 *
 * <p>One window cannot be closed by any sender: a crash after the server accepted a message and before the log
 * (on PostgreSQL the row's commit, on H2 the journal's line) recorded it, at most one message per worker. That
 * message is sent again by the next run, with the same Message-ID, so receivers can drop it.
 */
public final class DeliveryLog {

    public enum State {
        PENDING, SENT, FAILED, BOUNCED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Counts of one issue's rows by state, over the recipients of the given subscriber states. */
    public record Counts(int pending, int sent, int failed, int bounced) {
        public int total() {
            return pending + sent + failed + bounced;
        }
    }

    /** Where the embedded database's sends keep their journals, under {@code paperwire.data-dir}. */
    public static final String JOURNAL_FOLDER = "sent-journal";

    private final Database database;
    private final Path journals;

    /**
     * The log in {@code database}; on the embedded database the sends journal their acceptances under
     * {@code dataDir}, and the journals of a process that died are recorded now.
     */
    public DeliveryLog(Database database, Path dataDir) {
        this.database = database;
        this.journals = dataDir.resolve(JOURNAL_FOLDER);
        if (!database.isPostgres()) {
            // H2 otherwise keeps commits in memory for up to a second; a killed sender would forget messages the
            // server had accepted and send them again.
            database.update("SET WRITE_DELAY 0");
            replayJournals();
        }
    }

    /**
     * Marks sent what the journals of dead sends say the server accepted (rows still pending or failed; a row
     * bounced since stays bounced), then deletes those journals.
     */
    private void replayJournals() {
        SentJournal.replayOrphans(journals, entries -> database.inTransaction(c -> {
            SentRecorder.write(c, entries, MARK_SENT + " AND state IN ('pending', 'failed')");
            return null;
        }));
    }

    public Optional<State> state(long issueId, long subscriberId) {
        return database.queryOne("SELECT state FROM deliveries WHERE issue_id = ? AND subscriber_id = ?",
                row -> State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)), issueId, subscriberId);
    }

    /**
     * Creates the missing pending rows of this issue for every subscriber in one of {@code states}; existing rows
     * (sent or not) are kept as they are. Safe to run from several processes at once. {@link #claims} calls it.
     *
     * @return rows created
     */
    int enqueue(long issueId, List<Subscriber.State> states) {
        return database.update("INSERT INTO deliveries (issue_id, subscriber_id, state, attempts, updated_at)"
                + " SELECT ?, s.id, 'pending', 0, ? FROM subscribers s WHERE " + recipients(issueId, states)
                + " ON CONFLICT DO NOTHING", params(issueId, Instant.now(), states));
    }

    public Counts counts(long issueId, List<Subscriber.State> states) {
        return database.queryOne("SELECT"
                        + " SUM(CASE WHEN d.state = 'pending' THEN 1 ELSE 0 END) AS pending,"
                        + " SUM(CASE WHEN d.state = 'sent' THEN 1 ELSE 0 END) AS sent,"
                        + " SUM(CASE WHEN d.state = 'failed' THEN 1 ELSE 0 END) AS failed,"
                        + " SUM(CASE WHEN d.state = 'bounced' THEN 1 ELSE 0 END) AS bounced"
                        + " FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id"
                        + " WHERE d.issue_id = ? AND (d.state IN ('sent', 'bounced') OR " + recipients(issueId, states) + ")",
                row -> new Counts(row.getInt("pending"), row.getInt("sent"), row.getInt("failed"), row.getInt("bounced")),
                params(issueId, null, states)).orElse(new Counts(0, 0, 0, 0));
    }

    /** When a send of an issue first and last wrote one of its rows. */
    public record Attempts(Instant first, Instant last) {}

    /** When this issue's rows were first and last written; empty when no send ever began. */
    public Optional<Attempts> attempts(long issueId) {
        return database.queryOne("SELECT MIN(updated_at) AS first_at, MAX(updated_at) AS last_at FROM deliveries"
                        + " WHERE issue_id = ? GROUP BY issue_id",
                row -> new Attempts(Database.instant(row, "first_at"), Database.instant(row, "last_at")), issueId);
    }

    /**
     * A source of claims on this issue's unsent rows for one send to the subscribers in one of {@code states};
     * {@code runId} marks rows that failed in this run so the run does not take them again (the next run does).
     * The pending rows are created first: on PostgreSQL all at once (several processes may share the send), on H2 a
     * chunk at a time just ahead of the workers, so the first message goes out without waiting for ten thousand
     * inserts. Either way a row exists before its message is sent.
     */
    public Claims claims(long issueId, String runId, List<Subscriber.State> states) {
        if (database.isPostgres()) {
            enqueue(issueId, states);
            return new LockingClaims(database, issueId, runId);
        }
        replayJournals();
        return new CursorClaims(database, journals, issueId, runId, states);
    }

    /**
     * How many subscribers in one of {@code states} have not been sent this issue (nor bounced on it): what a send
     * has before it.
     */
    public int unsent(long issueId, List<Subscriber.State> states) {
        int recipients = database.queryOne("SELECT COUNT(*) AS n FROM subscribers s WHERE "
                + recipients(issueId, states), row -> row.getInt("n"), states.stream().map(Subscriber.State::column)
                .toArray()).orElse(0);
        int done = database.queryOne("SELECT COUNT(*) AS n FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id"
                        + " WHERE d.issue_id = ? AND d.state IN ('sent', 'bounced') AND " + recipients(issueId, states),
                row -> row.getInt("n"), params(issueId, null, states)).orElse(0);
        return recipients - done;
    }

    /** Hands unsent rows to workers; each worker calls {@link #next()} from its own thread. */
    public interface Claims {
        /** The next row for the calling worker, or empty when nothing is left to send. */
        Optional<Claim> next();

        /** Releases what the calling worker holds (its connection); call once per worker when done. */
        void release();

        /** Once every worker is done: waits until every mark is in the database. */
        default void finish() {
        }
    }

    /** One unsent row, held by one worker until it is marked. */
    public interface Claim {
        Subscriber subscriber();

        /** The SMTP server accepted the message. */
        void sent(String messageId);

        /** The server rejected the recipient for good: the row and the subscriber become {@code bounced}. */
        void bounced(String error);

        /** Not sent in this run; the next run tries again. */
        void failed(String error);
    }

    /**
     * A relay reported, after accepting it, that the message of {@code bounce} could not be delivered for good: the
     * row becomes {@code bounced} and so does the subscriber (unless unsubscribed meanwhile), provided the message
     * was sent and the report names the subscriber's address.
     *
     * @return whether the row is bounced now (a second report of the same bounce also says true)
     */
    public boolean bouncedAfterSending(BounceReports.Bounce bounce) {
        if (bounce.recipients().isEmpty()) {
            return false;
        }
        return database.inTransaction(c -> {
            List<Long> issueId = Database.query(c, "SELECT id FROM issues WHERE slug = ?", row -> row.getLong("id"),
                    bounce.message().issueSlug());
            long subscriberId = bounce.message().subscriberId();
            List<String> addresses = Database.query(c, "SELECT LOWER(email) AS email FROM subscribers WHERE id = ?",
                    row -> row.getString("email"), subscriberId);
            if (issueId.isEmpty() || addresses.isEmpty() || !bounce.recipients().contains(addresses.get(0))) {
                return false;
            }
            Instant now = Instant.now();
            int marked = Database.update(c, "UPDATE deliveries SET state = 'bounced', last_error = ?, updated_at = ?"
                    + " WHERE issue_id = ? AND subscriber_id = ? AND state = 'sent'", clip(bounce.describe()), now,
                    issueId.get(0), subscriberId);
            if (marked > 0) {
                Database.update(c, "UPDATE subscribers SET state = 'bounced', updated_at = ? WHERE id = ? AND state = 'active'",
                        now, subscriberId);
                return true;
            }
            return !Database.query(c, "SELECT 1 AS one FROM deliveries WHERE issue_id = ? AND subscriber_id = ?"
                    + " AND state = 'bounced'", row -> row.getInt("one"), issueId.get(0), subscriberId).isEmpty();
        });
    }

    static Subscriber subscriber(ResultSet row) throws SQLException {
        return new Subscriber(row.getLong("subscriber_id"), row.getString("email"),
                Subscriber.State.valueOf(row.getString("state").toUpperCase(Locale.ROOT)), row.getString("token"));
    }

    static final String MARK_SENT = "UPDATE deliveries SET state = 'sent', message_id = ?,"
            + " attempts = attempts + 1, last_error = NULL, sent_at = ?, updated_at = ? WHERE issue_id = ? AND subscriber_id = ?";

    static void markSent(Connection c, long issueId, long subscriberId, String messageId) throws SQLException {
        Instant now = Instant.now();
        Database.update(c, MARK_SENT, messageId, now, now, issueId, subscriberId);
    }

    static void markBounced(Connection c, long issueId, long subscriberId, String error) throws SQLException {
        Instant now = Instant.now();
        Database.update(c, "UPDATE deliveries SET state = 'bounced', attempts = attempts + 1, last_error = ?,"
                + " updated_at = ? WHERE issue_id = ? AND subscriber_id = ?", clip(error), now, issueId, subscriberId);
        Database.update(c, "UPDATE subscribers SET state = 'bounced', updated_at = ? WHERE id = ? AND state = 'active'",
                now, subscriberId);
    }

    static void markFailed(Connection c, long issueId, long subscriberId, String error, String runId)
            throws SQLException {
        Database.update(c, "UPDATE deliveries SET state = 'failed', attempts = attempts + 1, last_error = ?,"
                        + " failed_run = ?, updated_at = ? WHERE issue_id = ? AND subscriber_id = ? AND state <> 'sent'",
                clip(error), runId, Instant.now(), issueId, subscriberId);
    }

    private static String clip(String error) {
        return error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /**
     * The subscribers (as {@code s}) an edition goes to: in one of {@code states} (one placeholder each), and not
     * opted out of its kind of mailing (the weekly issue, or the roundups) on their preferences page. The edition's
     * id is a number written into the statement, so the fragment adds no placeholder of its own.
     */
    static String recipients(long issueId, List<Subscriber.State> states) {
        return "s.state IN (" + placeholders(states) + ") AND NOT EXISTS (SELECT 1 FROM subscriber_preferences p"
                + " JOIN issues i ON i.id = " + issueId + " WHERE p.subscriber_id = s.id"
                + " AND (CASE WHEN i.kind = 'roundup' THEN p.roundups ELSE p.weekly END) = FALSE)";
    }

    static String placeholders(List<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(", "));
    }

    private static Object[] params(long issueId, Instant now, List<Subscriber.State> states) {
        List<Object> params = new ArrayList<>();
        params.add(issueId);
        if (now != null) {
            params.add(now);
        }
        states.forEach(s -> params.add(s.column()));
        return params.toArray();
    }
}
