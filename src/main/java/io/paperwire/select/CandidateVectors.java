package io.paperwire.select;

import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;
import io.paperwire.select.personal.CandidatePool;
import io.paperwire.store.Database;
import io.paperwire.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The all-MiniLM-L6-v2 vector of every candidate of a week, embedded once and kept in {@code candidate_vectors}: the
 * select route's step before selection stores what is missing, and delivery loads the week's pool from it to rank
 * every reader's personal picks (and the vectors of the papers readers voted on, from any week).
 */
public final class CandidateVectors {

    private static final Logger LOG = LoggerFactory.getLogger(CandidateVectors.class);
    private static final int BATCH = 256;

    private final Database database;
    private final Supplier<Embedder> embedder;
    private final boolean enabled;

    /** @param enabled false: the step stores nothing (personal picks are off) */
    public CandidateVectors(Database database, Supplier<Embedder> embedder, boolean enabled) {
        this.database = database;
        this.embedder = embedder;
        this.enabled = enabled;
    }

    /** The route's step: embeds and stores the candidates of the week not stored yet; hands them on unchanged. */
    public Candidates embed(Candidates candidates) {
        if (!enabled || candidates.papers().isEmpty()) {
            return candidates;
        }
        String week = candidates.request().week().toString();
        Set<String> stored = new HashSet<>(database.query("SELECT arxiv_id FROM candidate_vectors WHERE week = ?",
                row -> row.getString("arxiv_id"), week));
        List<Paper> missing = candidates.papers().stream().filter(p -> !stored.contains(p.id().value())).toList();
        long start = System.nanoTime();
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Paper> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
            store(week, batch, embedder.get().embed(batch.stream().map(CandidateVectors::text).toList()));
        }
        if (!missing.isEmpty()) {
            LOG.info("Embedded {} candidates of {} for personal picks in {} ms", missing.size(), week,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return candidates;
    }

    /** The text a candidate is embedded from (the same as the semantic match's, so the model's cache is shared). */
    static String text(Paper p) {
        return p.title() + ". " + p.abstractText();
    }

    /** Stores given vectors (tests and benchmarks that bring their own). */
    public void store(String week, List<Paper> papers, List<float[]> vectors) {
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO candidate_vectors (week, arxiv_id, vector) VALUES (?, ?, ?)")) {
                for (int i = 0; i < papers.size(); i++) {
                    insert.setString(1, week);
                    insert.setString(2, papers.get(i).id().value());
                    insert.setBytes(3, bytes(vectors.get(i)));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The week's candidates with their vectors, as stored (papers from the {@code papers} table). */
    public CandidatePool pool(Week week) {
        // Ten thousand papers' JSON is most of loading a week. It is read in batches by the other cores while this
        // thread still reads rows from the database, then by this thread too: a batch runs once, on whichever
        // thread takes it first.
        List<FutureTask<List<Paper>>> batches = new ArrayList<>();
        List<String> batch = new ArrayList<>(PARSE_BATCH);
        List<float[]> vectors = new ArrayList<>();
        database.query("SELECT v.vector, p.paper FROM candidate_vectors v JOIN papers p ON p.arxiv_id = v.arxiv_id"
                + " WHERE v.week = ? ORDER BY v.arxiv_id", row -> {
            batch.add(row.getString("paper"));
            vectors.add(floats(row.getBytes("vector")));
            if (batch.size() == PARSE_BATCH) {
                batches.add(parseLater(List.copyOf(batch)));
                batch.clear();
            }
            return null;
        }, week.toString());
        batches.add(parseLater(List.copyOf(batch)));
        List<Paper> papers = new ArrayList<>(vectors.size());
        for (FutureTask<List<Paper>> parsed : batches) {
            parsed.run();
            try {
                papers.addAll(parsed.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the candidates of " + week, e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return new CandidatePool(papers, vectors);
    }

    private static final int PARSE_BATCH = 250;

    private static FutureTask<List<Paper>> parseLater(List<String> json) {
        FutureTask<List<Paper>> task = new FutureTask<>(() -> json.stream().map(text -> Json.read(text, Paper.class))
                .toList());
        ForkJoinPool.commonPool().execute(task);
        return task;
    }

    /** The stored vectors of these papers, from whichever week they were a candidate. */
    public Map<String, float[]> of(Collection<String> arxivIds) {
        Map<String, float[]> found = new HashMap<>();
        List<String> ids = List.copyOf(new HashSet<>(arxivIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            database.query("SELECT arxiv_id, vector FROM candidate_vectors WHERE arxiv_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", row -> {
                found.put(row.getString("arxiv_id"), floats(row.getBytes("vector")));
                return null;
            }, chunk.toArray());
        }
        return found;
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
