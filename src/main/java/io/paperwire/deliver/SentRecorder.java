package io.paperwire.deliver;

import io.paperwire.store.Database;
import io.paperwire.store.DatabaseException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Records the {@code sent} marks of one send on the embedded database: each acceptance goes to the send's
 * {@link SentJournal} at once (it survives a crash of the process) and into the database in group commits by one
 * recorder thread (each H2 commit costs milliseconds, which would otherwise cap the send at a few hundred messages a
 * second); a mark is in the database within about 50 ms of the server's acceptance.
 */
final class SentRecorder {

    /** Each H2 commit rewrites the changed pages (milliseconds); grouping bounds that to a few per second. */
    private static final Duration GROUP_COMMIT = Duration.ofMillis(50);
    private static final int MAX_BATCH = 500;

    private final Database database;
    private final long issueId;
    private final SentJournal journal;
    private final Queue<SentJournal.Entry> marks = new ConcurrentLinkedQueue<>();
    private final Thread recorder;
    private volatile boolean finishing;
    private volatile RuntimeException failure;

    SentRecorder(Database database, long issueId, SentJournal journal) {
        this.database = database;
        this.issueId = issueId;
        this.journal = journal;
        this.recorder = new Thread(this::record, "deliver-recorder-" + issueId);
        recorder.setDaemon(true);
        recorder.start();
    }

    /** The server accepted {@code messageId}: journaled before this returns, in the database within ~50 ms. */
    void sent(long subscriberId, String messageId) {
        marks.add(new SentJournal.Entry(issueId, subscriberId, messageId));
        journal.append(subscriberId, messageId);
    }

    /** Throws why the marks can no longer be recorded, if so; the send must stop. */
    void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Once no more marks come: waits until every mark is committed, then deletes the journal (kept for the next
     * start's replay when a commit failed).
     */
    void finish() {
        finishing = true;
        LockSupport.unpark(recorder);
        try {
            recorder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        journal.close(failure == null && !recorder.isAlive());
        throwIfFailed();
    }

    /**
     * Every {@link #GROUP_COMMIT} writes the marks queued since, in one commit, until finished and drained. The
     * workers never wake this thread: a wake-up per message (a futex call each) cost more than the commit.
     * Never interrupted: an interrupt inside H2's file I/O would close the database file.
     */
    private void record() {
        List<SentJournal.Entry> batch = new ArrayList<>();
        while (true) {
            boolean last = finishing;
            for (SentJournal.Entry sent; batch.size() < MAX_BATCH && (sent = marks.poll()) != null; ) {
                batch.add(sent);
            }
            if (!batch.isEmpty()) {
                try {
                    database.inTransaction(c -> {
                        write(c, batch, DeliveryLog.MARK_SENT);
                        return null;
                    });
                } catch (RuntimeException e) {
                    failure = new DatabaseException("cannot record deliveries of issue " + issueId
                            + "; sending stopped: " + e.getMessage(), e);
                    return;
                }
                boolean full = batch.size() == MAX_BATCH;
                batch.clear();
                if (full) {
                    continue;
                }
            }
            if (last && marks.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(GROUP_COMMIT.toNanos());
        }
    }

    /** Runs {@code markSent} (parameters: Message-ID, sent_at, updated_at, issue, subscriber) for each entry. */
    static void write(Connection c, List<SentJournal.Entry> entries, String markSent) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(markSent)) {
            Timestamp now = Timestamp.from(Instant.now());
            for (SentJournal.Entry sent : entries) {
                update.setString(1, sent.messageId());
                update.setTimestamp(2, now);
                update.setTimestamp(3, now);
                update.setLong(4, sent.issueId());
                update.setLong(5, sent.subscriberId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
