package io.paperwire.deliver;

import io.paperwire.store.Database;

import java.time.Instant;
import java.util.Optional;

/**
 * One row per (issue, subscriber). A row is claimed as {@code pending} before the message goes out and becomes
 * {@code sent} only after the mailer accepted it.
 */
public final class DeliveryLog {

    public enum State { PENDING, SENT, FAILED, BOUNCED }

    private final Database database;

    public DeliveryLog(Database database) {
        this.database = database;
    }

    public Optional<State> state(long issueId, long subscriberId) {
        return database.queryOne("SELECT state FROM deliveries WHERE issue_id = ? AND subscriber_id = ?",
                row -> State.valueOf(row.getString("state").toUpperCase(java.util.Locale.ROOT)), issueId, subscriberId);
    }

    /** Records the attempt before sending: inserts a pending row, or counts another attempt of an unsent one. */
    public void claim(long issueId, long subscriberId) {
        database.inTransaction(c -> {
            int updated = Database.update(c, "UPDATE deliveries SET attempts = attempts + 1, updated_at = ?"
                    + " WHERE issue_id = ? AND subscriber_id = ? AND state <> 'sent'", Instant.now(), issueId, subscriberId);
            if (updated == 0) {
                Database.update(c, "INSERT INTO deliveries (issue_id, subscriber_id, state, attempts, updated_at)"
                        + " VALUES (?, ?, 'pending', 1, ?)", issueId, subscriberId, Instant.now());
            }
            return null;
        });
    }

    public void markSent(long issueId, long subscriberId, String messageId) {
        database.update("UPDATE deliveries SET state = 'sent', message_id = ?, last_error = NULL, updated_at = ?"
                + " WHERE issue_id = ? AND subscriber_id = ?", messageId, Instant.now(), issueId, subscriberId);
    }

    public void markFailed(long issueId, long subscriberId, String error) {
        database.update("UPDATE deliveries SET state = 'failed', last_error = ?, updated_at = ?"
                + " WHERE issue_id = ? AND subscriber_id = ?", error, Instant.now(), issueId, subscriberId);
    }
}
