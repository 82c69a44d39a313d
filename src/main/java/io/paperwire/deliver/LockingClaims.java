package io.paperwire.deliver;

import io.paperwire.store.Database;
import io.paperwire.store.DatabaseException;
import io.paperwire.subscribers.Subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL: a row lock per claim, held on the worker's own connection until the row is marked. Pending rows are
 * taken in subscriber order from the queue index, each worker of this process starting above the highest
 * subscriber claimed so far, so a claim reads a few index entries, not every row sent before it. Once nothing is
 * pending above that, a sweep from the start takes what another process left behind (a row it held when it
 * died, say), then the rows that failed in earlier runs.
 */
final class LockingClaims implements DeliveryLog.Claims {
    private final Database database;
    private final long issueId;
    private final String runId;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final AtomicLong highestClaimed = new AtomicLong(-1);

    LockingClaims(Database database, long issueId, String runId) {
        this.database = database;
        this.issueId = issueId;
        this.runId = runId;
    }

    @Override
    public Optional<DeliveryLog.Claim> next() {
        try {
            Connection c = connection();
            Optional<Subscriber> row = claim(c, DeliveryLog.State.PENDING, highestClaimed.get());
            if (row.isEmpty()) {
                row = claim(c, DeliveryLog.State.PENDING, -1);
            }
            if (row.isEmpty()) {
                row = claim(c, DeliveryLog.State.FAILED, -1);
            }
            if (row.isEmpty()) {
                c.commit();
                return Optional.empty();
            }
            highestClaimed.accumulateAndGet(row.get().id(), Math::max);
            return Optional.of(new LockedClaim(c, row.get()));
        } catch (SQLException e) {
            throw new DatabaseException("cannot claim a delivery of issue " + issueId + ": " + e.getMessage(), e);
        }
    }

    /** Locks the first row in {@code state} above {@code subscriberId} that no one else holds. */
    private Optional<Subscriber> claim(Connection c, DeliveryLog.State state, long subscriberId) throws SQLException {
        // One state, so the queue index yields the rows in subscriber order; the lower bound on both tables, as
        // PostgreSQL may drive the join from either side.
        try (PreparedStatement statement = c.prepareStatement("SELECT d.subscriber_id, s.email, s.state, s.token"
                + " FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id"
                + " WHERE d.issue_id = ? AND d.state = ? AND s.state IN ('active', 'demo')"
                + " AND (d.failed_run IS NULL OR d.failed_run <> ?) AND d.subscriber_id > ? AND s.id > ?"
                + " ORDER BY d.subscriber_id LIMIT 1 FOR UPDATE OF d SKIP LOCKED")) {
            statement.setLong(1, issueId);
            statement.setString(2, state.column());
            statement.setString(3, runId);
            statement.setLong(4, subscriberId);
            statement.setLong(5, subscriberId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(DeliveryLog.subscriber(row)) : Optional.empty();
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection c = connections.get();
        if (c == null) {
            c = database.dataSource().getConnection();
            c.setAutoCommit(false);
            connections.set(c);
        }
        return c;
    }

    @Override
    public void release() {
        Connection c = connections.get();
        if (c != null) {
            connections.remove();
            try (c) {
                c.rollback();
            } catch (SQLException ignored) {
                // The pool replaces a broken connection.
            }
        }
    }

    private final class LockedClaim implements DeliveryLog.Claim {
        private final Connection c;
        private final Subscriber subscriber;

        LockedClaim(Connection c, Subscriber subscriber) {
            this.c = c;
            this.subscriber = subscriber;
        }

        @Override
        public Subscriber subscriber() {
            return subscriber;
        }

        @Override
        public void sent(String messageId) {
            finish(() -> DeliveryLog.markSent(c, issueId, subscriber.id(), messageId));
        }

        @Override
        public void bounced(String error) {
            finish(() -> DeliveryLog.markBounced(c, issueId, subscriber.id(), error));
        }

        @Override
        public void failed(String error) {
            finish(() -> DeliveryLog.markFailed(c, issueId, subscriber.id(), error, runId));
        }

        private void finish(DeliveryLog.SqlWork work) {
            try {
                work.run();
                c.commit();
            } catch (SQLException e) {
                throw new DatabaseException("cannot record the delivery of issue " + issueId + " to subscriber "
                        + subscriber.id() + ": " + e.getMessage(), e);
            }
        }
    }
}
