package io.paperwire.archive;

import io.paperwire.paper.ArxivId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The nearest papers of every paper of the archive, by the cosine of their unit vectors ({@link PaperVectors}), by
 * brute force: every pair once ({@link #of}), spread over the machine's cores, or, when the lists of the archive
 * before a publish are known, only the pairs with a newly added paper ({@link #extend}). Equal scores are ordered by
 * id, so both give the same lists.
 */
final class RelatedPapers {

    /** How many related papers each paper page lists. */
    static final int COUNT = 5;

    private final List<ArxivId> ids;
    private final int dimensions;
    /** Row-major unit vectors, one row per id, in the order of {@link #ids}. */
    private final float[] matrix;
    /** Each id's position in id order, the tie-breaker of equal scores. */
    private final int[] rank;

    private RelatedPapers(List<ArxivId> ids, Map<ArxivId, float[]> vectors) {
        this.ids = List.copyOf(ids);
        this.dimensions = ids.isEmpty() ? 0 : vectors.get(ids.get(0)).length;
        this.matrix = new float[ids.size() * dimensions];
        for (int i = 0; i < ids.size(); i++) {
            float[] v = vectors.get(ids.get(i));
            if (v == null || v.length != dimensions) {
                throw new IllegalArgumentException("no vector of " + dimensions + " values for " + ids.get(i));
            }
            System.arraycopy(v, 0, matrix, i * dimensions, dimensions);
        }
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(ids::get));
        this.rank = new int[ids.size()];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
    }

    /**
     * Every paper's {@link #COUNT} nearest other papers, nearest first, comparing every pair once.
     *
     * @param ids     the papers, each once
     * @param vectors a unit vector of the same length for every id
     */
    static Map<ArxivId, List<ArxivId>> of(List<ArxivId> ids, Map<ArxivId, float[]> vectors) {
        RelatedPapers all = new RelatedPapers(ids, vectors);
        int n = ids.size();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        // Row i is compared with the rows after it; taking every threads-th row gives each worker a like share.
        List<Nearest> parts = IntStream.range(0, threads).parallel().mapToObj(t -> {
            Nearest nearest = all.new Nearest();
            for (int i = t; i < n; i += threads) {
                all.compareWithLaterRows(i, nearest);
            }
            return nearest;
        }).toList();
        Nearest merged = parts.get(0);
        for (Nearest part : parts.subList(1, parts.size())) {
            merged.addAll(part);
        }
        return merged.lists();
    }

    /**
     * The lists of a grown archive from the lists before it grew: a paper's nearest are its nearest before, or
     * among the added papers, so only pairs with an added paper are compared.
     *
     * @param before the lists of exactly the papers of {@code ids} that are not added (as {@link #of} gave them)
     * @param added  the papers of {@code ids} that {@code before} does not know
     * @return empty when {@code before} and {@code added} together are not exactly {@code ids}: then only {@link #of}
     *         can tell
     */
    static Optional<Map<ArxivId, List<ArxivId>>> extend(Map<ArxivId, List<ArxivId>> before, Collection<ArxivId> added,
                                                        List<ArxivId> ids, Map<ArxivId, float[]> vectors) {
        RelatedPapers all = new RelatedPapers(ids, vectors);
        Map<ArxivId, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        Set<Integer> addedRows = new HashSet<>();
        for (ArxivId id : added) {
            addedRows.add(index.get(id));
        }
        if (addedRows.contains(null) || before.size() + addedRows.size() != ids.size()) {
            return Optional.empty();
        }
        Nearest nearest = all.new Nearest();
        for (Map.Entry<ArxivId, List<ArxivId>> e : before.entrySet()) {
            Integer row = index.get(e.getKey());
            if (row == null || addedRows.contains(row)) {
                return Optional.empty();
            }
            for (ArxivId neighbour : e.getValue()) {
                Integer column = index.get(neighbour);
                if (column == null || addedRows.contains(column)) {
                    return Optional.empty();
                }
                nearest.offer(row, column, all.dot(row, column));
            }
        }
        for (int a : addedRows) {
            for (int j = 0; j < ids.size(); j++) {
                if (j != a) {
                    float score = all.dot(a, j);
                    nearest.offer(a, j, score);
                    if (!addedRows.contains(j)) {
                        nearest.offer(j, a, score);
                    }
                }
            }
        }
        return Optional.of(nearest.lists());
    }

    /** Compares row {@code i} with every row after it (a method of its own, so the JIT compiles it early). */
    private void compareWithLaterRows(int i, Nearest nearest) {
        for (int j = i + 1; j < ids.size(); j++) {
            float score = dot(i, j);
            nearest.offer(i, j, score);
            nearest.offer(j, i, score);
        }
    }

    /** The dot product of two rows, in eight independent sums (one running sum would wait on each addition). */
    private float dot(int i, int j) {
        int a = i * dimensions;
        int b = j * dimensions;
        int end = dimensions - dimensions % 8;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int x = 0; x < end; x += 8) {
            s0 += matrix[a + x] * matrix[b + x];
            s1 += matrix[a + x + 1] * matrix[b + x + 1];
            s2 += matrix[a + x + 2] * matrix[b + x + 2];
            s3 += matrix[a + x + 3] * matrix[b + x + 3];
            s4 += matrix[a + x + 4] * matrix[b + x + 4];
            s5 += matrix[a + x + 5] * matrix[b + x + 5];
            s6 += matrix[a + x + 6] * matrix[b + x + 6];
            s7 += matrix[a + x + 7] * matrix[b + x + 7];
        }
        for (int x = end; x < dimensions; x++) {
            s0 += matrix[a + x] * matrix[b + x];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** The best {@link #COUNT} columns of every row so far, best first: score, then id order. */
    private final class Nearest {
        private final float[] scores = new float[ids.size() * COUNT];
        private final int[] columns = new int[ids.size() * COUNT];

        Nearest() {
            Arrays.fill(columns, -1);
        }

        void offer(int row, int column, float score) {
            int base = row * COUNT;
            if (!better(score, column, base + COUNT - 1)) {
                return;
            }
            int p = COUNT - 1;
            while (p > 0 && better(score, column, base + p - 1)) {
                scores[base + p] = scores[base + p - 1];
                columns[base + p] = columns[base + p - 1];
                p--;
            }
            scores[base + p] = score;
            columns[base + p] = column;
        }

        private boolean better(float score, int column, int slot) {
            int held = columns[slot];
            return held < 0 || score > scores[slot] || (score == scores[slot] && rank[column] < rank[held]);
        }

        void addAll(Nearest other) {
            for (int slot = 0; slot < other.columns.length; slot++) {
                if (other.columns[slot] >= 0) {
                    offer(slot / COUNT, other.columns[slot], other.scores[slot]);
                }
            }
        }

        Map<ArxivId, List<ArxivId>> lists() {
            Map<ArxivId, List<ArxivId>> lists = new LinkedHashMap<>();
            for (int row = 0; row < ids.size(); row++) {
                List<ArxivId> nearest = new ArrayList<>(COUNT);
                for (int p = 0; p < COUNT && columns[row * COUNT + p] >= 0; p++) {
                    nearest.add(ids.get(columns[row * COUNT + p]));
                }
                lists.put(ids.get(row), List.copyOf(nearest));
            }
            return lists;
        }
    }
}
