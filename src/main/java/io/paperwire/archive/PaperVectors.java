package io.paperwire.archive;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.select.Embedder;
import io.paperwire.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each archived paper's embedding (the bundled all-MiniLM-L6-v2 model, of its title and abstract), computed once:
 * kept in the database table {@code paper_vectors} ({@link #stored}), or only in memory for a site built without a
 * database ({@link #inMemory}, tests). Only the vectors that are missing, or whose paper's text changed, are
 * computed; the model is not even loaded when none is.
 */
public final class PaperVectors {

    private static final Logger LOG = LoggerFactory.getLogger(PaperVectors.class);

    /** The embedding model the stored vectors come from; another model's vectors are never mixed in. */
    public static final String MODEL = "all-MiniLM-L6-v2";
    /** How many texts go to the model at a time (and are stored in one transaction). */
    static final int BATCH = 64;
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    /** A vector and the hash of the text it was computed from. */
    record Stored(String textHash, float[] vector) {}

    /** Where vectors are kept: a database table or a map. */
    interface Store {
        Map<ArxivId, Stored> load();

        void save(Map<ArxivId, Stored> vectors);
    }

    private final Store store;
    private final Supplier<? extends Embedder> embedder;

    PaperVectors(Store store, Supplier<? extends Embedder> embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** Vectors kept in the database, embedded with {@code embedder} (asked for only when a vector is missing). */
    public static PaperVectors stored(Database database, Supplier<? extends Embedder> embedder) {
        return new PaperVectors(new DatabaseStore(database), embedder);
    }

    /** Vectors kept in this object only: a site built without a database. */
    public static PaperVectors inMemory(Supplier<? extends Embedder> embedder) {
        Map<ArxivId, Stored> map = new ConcurrentHashMap<>();
        return new PaperVectors(new Store() {
            @Override
            public Map<ArxivId, Stored> load() {
                return Map.copyOf(map);
            }

            @Override
            public void save(Map<ArxivId, Stored> vectors) {
                map.putAll(vectors);
            }
        }, embedder);
    }

    /** The text a paper is embedded from: the same as selection's semantic match, so a run embeds it only once. */
    static String textOf(Paper paper) {
        return paper.title() + ". " + paper.abstractText();
    }

    static String hashOf(Paper paper) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(textOf(paper).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * The unit-length vector of each paper, keyed by id. Vectors already kept for the same text are read back; the
     * others are embedded, in batches, and kept.
     */
    public Map<ArxivId, float[]> of(List<Paper> papers) {
        Map<ArxivId, Stored> known = store.load();
        Map<ArxivId, float[]> vectors = new LinkedHashMap<>();
        List<Paper> missing = new ArrayList<>();
        for (Paper paper : papers) {
            Stored stored = known.get(paper.id());
            if (stored != null && stored.textHash().equals(hashOf(paper))) {
                vectors.put(paper.id(), stored.vector());
            } else if (!vectors.containsKey(paper.id())) {
                vectors.put(paper.id(), null);
                missing.add(paper);
            }
        }
        if (!missing.isEmpty()) {
            long started = System.nanoTime();
            long reported = started;
            Embedder model = embedder.get();
            for (int from = 0; from < missing.size(); from += BATCH) {
                List<Paper> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
                List<float[]> embedded = model.embed(batch.stream().map(PaperVectors::textOf).toList());
                Map<ArxivId, Stored> fresh = new LinkedHashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    float[] unit = unit(embedded.get(i));
                    fresh.put(batch.get(i).id(), new Stored(hashOf(batch.get(i)), unit));
                    vectors.put(batch.get(i).id(), unit);
                }
                store.save(fresh);
                if (System.nanoTime() - reported > PROGRESS_EVERY_NANOS && from + BATCH < missing.size()) {
                    reported = System.nanoTime();
                    LOG.info("Embedded {} of {} papers for the related papers", from + BATCH, missing.size());
                }
            }
            LOG.info("Embedded {} papers in {} ms", missing.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return vectors;
    }

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float[] unit = vector.clone();
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= scale;
            }
        }
        return unit;
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }

    /** The table {@code paper_vectors}: one row per paper and model, replaced when the paper's text changed. */
    private record DatabaseStore(Database database) implements Store {

        @Override
        public Map<ArxivId, Stored> load() {
            Map<ArxivId, Stored> vectors = new LinkedHashMap<>();
            database.query("SELECT arxiv_id, text_hash, vector FROM paper_vectors WHERE model = ?",
                    row -> Map.entry(new ArxivId(row.getString("arxiv_id")),
                            new Stored(row.getString("text_hash"), floats(row.getBytes("vector")))), MODEL)
                    .forEach(e -> vectors.put(e.getKey(), e.getValue()));
            return vectors;
        }

        @Override
        public void save(Map<ArxivId, Stored> vectors) {
            Instant now = Instant.now();
            database.inTransaction(c -> {
                for (Map.Entry<ArxivId, Stored> e : vectors.entrySet()) {
                    Database.update(c, "DELETE FROM paper_vectors WHERE arxiv_id = ? AND model = ?",
                            e.getKey().value(), MODEL);
                    Database.update(c, "INSERT INTO paper_vectors (arxiv_id, model, text_hash, vector, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)", e.getKey().value(), MODEL, e.getValue().textHash(),
                            bytes(e.getValue().vector()), now);
                }
                return null;
            });
        }
    }
}
