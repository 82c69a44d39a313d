package io.paperwire.ops;

import io.paperwire.paper.Week;
import io.paperwire.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-run-per-week lock ({@code run_locks}): a run takes its week's lock when it is created (or its draft
 * claimed) and releases it when it ends. This process renews the locks of the runs it is running; a process that dies
 * stops renewing, and after the lock timeout the next run of the week marks the old run abandoned and takes over.
 */
public final class WeekLocks {

    private static final Logger LOG = LoggerFactory.getLogger(WeekLocks.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final String node;
    private final Duration timeout;
    /** The runs whose week locks this process holds: it renews them while it lives. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    /**
     * @param node    this process' node id, recorded with the locks (and runs) it takes
     * @param timeout how long a lock stays held without being renewed
     */
    public WeekLocks(Database database, String node, Duration timeout) {
        this.database = database;
        this.node = node;
        this.timeout = timeout;
    }

    /** This process' node id. */
    public String node() {
        return node;
    }

    /**
     * Takes {@code week}'s lock for {@code runId} on this node, in the caller's transaction; fails with a unique
     * violation ({@link #isUniqueViolation}) while another run holds it.
     */
    void take(Connection c, Week week, long runId) throws SQLException {
        Instant now = Instant.now();
        Database.update(c, "INSERT INTO run_locks (week, run_id, node, acquired_at, renewed_at) VALUES (?, ?, ?, ?, ?)",
                week.toString(), runId, node, now, now);
    }

    /** Drops {@code runId}'s lock, in the caller's transaction (this process stops renewing it with {@link #stopRenewing}). */
    void release(Connection c, long runId) throws SQLException {
        Database.update(c, "DELETE FROM run_locks WHERE run_id = ?", runId);
    }

    /** Drops every lock, in the caller's transaction: only for a database no other process uses. */
    void releaseAll(Connection c) throws SQLException {
        Database.update(c, "DELETE FROM run_locks");
    }

    /** This process took {@code runId}'s lock and renews it from now on. */
    void renewing(long runId) {
        held.add(runId);
    }

    /** This process is done with {@code runId}: its lock, if still there, is no longer renewed. */
    public void stopRenewing(long runId) {
        held.remove(runId);
    }

    /**
     * Renews the locks this process holds, so that no other process takes them over while it runs (route
     * {@code run-renew-locks}). A process that dies stops renewing; its locks go stale after the lock timeout.
     *
     * @return locks renewed
     */
    public int renew() {
        Long[] runs = held.toArray(Long[]::new);
        if (runs.length == 0) {
            return 0;
        }
        Object[] params = new Object[runs.length + 1];
        params[0] = Instant.now();
        System.arraycopy(runs, 0, params, 1, runs.length);
        return database.update("UPDATE run_locks SET renewed_at = ? WHERE run_id IN ("
                + String.join(", ", Collections.nCopies(runs.length, "?")) + ")", params);
    }

    /** Marks the run holding {@code week}'s lock abandoned, and drops the lock, when it has not renewed it in time. */
    void releaseStale(Week week) {
        Instant cutoff = Instant.now().minus(timeout);
        database.inTransaction(c -> {
            List<Long> stale = Database.query(c, "SELECT run_id FROM run_locks WHERE week = ? AND renewed_at < ?",
                    row -> row.getLong("run_id"), week.toString(), cutoff);
            for (long runId : stale) {
                LOG.warn("Run {} of {} has not renewed its lock for {} (its process died?); marking it abandoned", runId,
                        week, timeout);
                Database.update(c, "UPDATE runs SET state = 'abandoned', finished_at = ?, error = ? WHERE id = ?"
                        + " AND state IN ('queued', 'running')", Instant.now(), "lock timed out", runId);
                release(c, runId);
            }
            return stale.size();
        });
    }

    /** The run holding {@code week}'s lock, if any. */
    Optional<Long> holder(Week week) {
        return database.queryOne("SELECT run_id FROM run_locks WHERE week = ?", row -> row.getLong("run_id"),
                week.toString());
    }

    /**
     * This node takes over a run whose node died (Quartz recovery): the run and its lock become ours and the
     * attempt is counted. Returns false when the run is no longer queued or running.
     */
    public boolean takeOver(long runId) {
        boolean taken = database.inTransaction(c -> {
            int changed = Database.update(c, "UPDATE runs SET node = ?, attempts = attempts + 1, state = 'queued',"
                    + " stages = NULL WHERE id = ? AND state IN ('queued', 'running')", node, runId);
            if (changed == 1) {
                Database.update(c, "UPDATE run_locks SET node = ?, acquired_at = ?, renewed_at = ? WHERE run_id = ?",
                        node, Instant.now(), Instant.now(), runId);
            }
            return changed == 1;
        });
        if (taken) {
            renewing(runId);
        }
        return taken;
    }

    /** True when {@code e} (or a cause) is the unique violation of a lock (or run) that exists already. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
