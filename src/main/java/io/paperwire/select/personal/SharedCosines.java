package io.paperwire.select.personal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The vectors readers' profiles are made of (the centroid of each followed category, each paper voted on), the
 * cosine of each with every candidate, and for each voted-on paper the candidates close to it
 * ({@value PersonalPicks#CLOSE_TO_LIKED} or more). Computed once per ranking for all readers.
 */
record SharedCosines(Map<String, Integer> index, float[][] vectors, float[][] cosines, BitSet[] near) {

    /**
     * At most this many floats of shared cosines (256 MB); votes on papers beyond it (the least voted on first) still
     * exclude the paper but do not move the profile, and the ranking says so in its log.
     */
    static final long MAX_SHARED_FLOATS = 64L * 1024 * 1024;
    private static final int BLOCK = 128;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SharedCosines.class);

    static SharedCosines of(CandidatePool pool, List<ReaderProfile> readers, Map<String, float[]> votedOn) {
        Map<String, Integer> uses = new HashMap<>();
        for (ReaderProfile r : readers) {
            for (String topic : r.topics()) {
                if (!pool.category(topic).isEmpty()) {
                    uses.merge("c:" + topic, 1, Integer::sum);
                }
            }
            for (ReaderProfile.Vote v : r.votes()) {
                float[] vector = votedOn.get(v.arxivId());
                if (vector != null && vector.length == pool.dimensions()) {
                    uses.merge("p:" + v.arxivId(), 1, Integer::sum);
                }
            }
        }
        List<String> keys = new ArrayList<>(uses.keySet());
        keys.sort(java.util.Comparator.comparing((String k) -> -uses.get(k)).thenComparing(k -> k));
        long room = pool.size() == 0 ? keys.size() : MAX_SHARED_FLOATS / pool.size();
        if (keys.size() > room) {
            LOG.warn("{} shared profile vectors, room for {}: votes on the {} least voted-on papers do not move"
                    + " profiles this week", keys.size(), room, keys.size() - room);
            keys = keys.subList(0, (int) room);
        }
        Map<String, Integer> index = new HashMap<>();
        float[][] vectors = new float[keys.size()][];
        for (int b = 0; b < keys.size(); b++) {
            String key = keys.get(b);
            index.put(key, b);
            vectors[b] = key.startsWith("c:") ? pool.centroid(key, pool.category(key.substring(2)))
                    : votedOn.get(key.substring(2));
        }
        float[][] cosines = similarities(pool.vectors(), pool.size(), pool.dimensions(), vectors);
        BitSet[] near = new BitSet[keys.size()];
        for (int b = 0; b < keys.size(); b++) {
            near[b] = new BitSet(pool.size());
            if (keys.get(b).startsWith("p:")) {
                float[] c = cosines[b];
                for (int i = 0; i < c.length; i++) {
                    if (c[i] >= PersonalPicks.CLOSE_TO_LIKED) {
                        near[b].set(i);
                    }
                }
            }
        }
        return new SharedCosines(index, vectors, cosines, near);
    }

    /**
     * The cosine of every candidate with every shared unit vector: {@code C · Bᵀ}, one array of candidates per
     * shared vector. The shared vectors go in blocks; for each candidate the innermost loop runs over a block's
     * vectors at one dimension, each block row its own array, which the JIT turns into vector instructions.
     */
    static float[][] similarities(float[] candidates, int n, int dims, float[][] shared) {
        float[][] out = new float[shared.length][n];
        IntStream.range(0, (shared.length + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            int from = block * BLOCK;
            int width = Math.min(BLOCK, shared.length - from);
            float[][] byDimension = new float[dims][width];
            for (int j = 0; j < width; j++) {
                for (int d = 0; d < dims; d++) {
                    byDimension[d][j] = shared[from + j][d];
                }
            }
            float[] row = new float[width];
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(row, 0f);
                int base = i * dims;
                for (int d = 0; d < dims; d++) {
                    axpy(row, candidates[base + d], byDimension[d]);
                }
                for (int j = 0; j < width; j++) {
                    out[from + j][i] = row[j];
                }
            }
        });
        return out;
    }

    /** {@code y += a · x}, both arrays from index 0 (so the JIT vectorises it). */
    static void axpy(float[] y, float a, float[] x) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * x[j];
        }
    }
}
