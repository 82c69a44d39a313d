package io.paperwire.deliver;

import io.paperwire.store.Database;
import io.paperwire.subscribers.Subscriber;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * H2, one process: the workers share a cursor over the recipients in subscriber order; each is handed out once.
 * The cursor moves a chunk at a time: the chunk's recipients are read, their missing pending rows inserted, and
 * those already sent or bounced left out, on a reader thread while the workers send the chunk before.
 */
final class CursorClaims implements DeliveryLog.Claims {
    private static final int CHUNK = 1000;
    private final Database database;
    private final long issueId;
    private final String runId;
    private final List<Subscriber.State> states;
    private final Deque<Subscriber> chunk = new ArrayDeque<>();
    private final SentRecorder recorder;
    private long after = -1;
    private boolean exhausted;
    private CompletableFuture<Chunk> nextChunk;
    /** Prepares chunks ahead; never interrupted (an interrupt inside H2's file I/O would close the database). */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "deliver-reader");
                t.setDaemon(true);
                return t;
            });

    /** The unsent recipients of one stretch of subscriber ids, up to and including {@code last}. */
    private record Chunk(List<Subscriber> unsent, long last, boolean end) {}

    CursorClaims(Database database, Path journals, long issueId, String runId, List<Subscriber.State> states) {
        this.database = database;
        this.issueId = issueId;
        this.runId = runId;
        this.states = List.copyOf(states);
        this.recorder = new SentRecorder(database, issueId, SentJournal.start(journals, issueId, runId));
    }

    /** Hands out the chunk in memory; the next one is prepared on the reader thread once half of this one is out. */
    @Override
    public synchronized Optional<DeliveryLog.Claim> next() {
        recorder.throwIfFailed();
        while (chunk.isEmpty() && !exhausted) {
            take(nextChunk != null ? await(nextChunk) : chunk(after));
            nextChunk = null;
        }
        if (!exhausted && nextChunk == null && chunk.size() <= CHUNK / 2) {
            long from = after;
            nextChunk = CompletableFuture.supplyAsync(() -> chunk(from), reader);
        }
        return Optional.ofNullable(chunk.poll()).map(CursorClaim::new);
    }

    private Chunk chunk(long afterSubscriber) {
        return database.inTransaction(c -> {
            Object[] range = new Object[states.size() + 1];
            for (int i = 0; i < states.size(); i++) {
                range[i] = states.get(i).column();
            }
            range[states.size()] = afterSubscriber;
            List<Subscriber> recipients = Database.query(c, "SELECT s.id AS subscriber_id, s.email, s.state, s.token"
                    + " FROM subscribers s WHERE " + DeliveryLog.recipients(issueId, states) + " AND s.id > ? ORDER BY s.id"
                    + " LIMIT " + CHUNK, DeliveryLog::subscriber, range);
            if (recipients.isEmpty()) {
                return new Chunk(List.of(), afterSubscriber, true);
            }
            long first = recipients.get(0).id();
            long last = recipients.get(recipients.size() - 1).id();
            List<Object> insert = new ArrayList<>(List.of(issueId, Instant.now()));
            states.forEach(state -> insert.add(state.column()));
            insert.addAll(List.of(first, last, issueId));
            Database.update(c, "INSERT INTO deliveries (issue_id, subscriber_id, state, attempts, updated_at)"
                    + " SELECT ?, s.id, 'pending', 0, ? FROM subscribers s WHERE " + DeliveryLog.recipients(issueId, states)
                    + " AND s.id BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM deliveries d"
                    + " WHERE d.issue_id = ? AND d.subscriber_id = s.id)", insert.toArray());
            Set<Long> done = new HashSet<>(Database.query(c, "SELECT subscriber_id FROM deliveries"
                    + " WHERE issue_id = ? AND subscriber_id BETWEEN ? AND ? AND state IN ('sent', 'bounced')",
                    row -> row.getLong("subscriber_id"), issueId, first, last));
            List<Subscriber> unsent = done.isEmpty() ? recipients
                    : recipients.stream().filter(r -> !done.contains(r.id())).toList();
            return new Chunk(unsent, last, recipients.size() < CHUNK);
        });
    }

    private void take(Chunk next) {
        chunk.addAll(next.unsent());
        after = next.last();
        exhausted = next.end();
    }

    private static Chunk await(CompletableFuture<Chunk> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void release() {
    }

    @Override
    public void finish() {
        reader.shutdown();
        try {
            reader.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.finish();
    }

    private final class CursorClaim implements DeliveryLog.Claim {
        private final Subscriber subscriber;

        CursorClaim(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public Subscriber subscriber() {
            return subscriber;
        }

        @Override
        public void sent(String messageId) {
            recorder.sent(subscriber.id(), messageId);
        }

        @Override
        public void bounced(String error) {
            database.inTransaction(c -> {
                DeliveryLog.markBounced(c, issueId, subscriber.id(), error);
                return null;
            });
        }

        @Override
        public void failed(String error) {
            database.inTransaction(c -> {
                DeliveryLog.markFailed(c, issueId, subscriber.id(), error, runId);
                return null;
            });
        }
    }
}
