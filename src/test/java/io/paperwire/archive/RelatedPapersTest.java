package io.paperwire.archive;

import io.paperwire.paper.ArxivId;
import io.paperwire.select.Embedder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedPapersTest {

    static List<ArxivId> ids(int n) {
        List<ArxivId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(ArxivId.of(String.format("2405.%05d", 10000 + (i * 7919) % 90000)));
        }
        return ids;
    }

    static Map<ArxivId, float[]> randomVectors(List<ArxivId> ids, int dimensions, long seed) {
        Random random = new Random(seed);
        Map<ArxivId, float[]> vectors = new HashMap<>();
        for (ArxivId id : ids) {
            float[] v = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                v[i] = (float) random.nextGaussian();
            }
            vectors.put(id, PaperVectors.unit(v));
        }
        return vectors;
    }

    /** The nearest by the plainest code there is: every other paper sorted by cosine, then id. */
    static List<ArxivId> naive(ArxivId id, List<ArxivId> ids, Map<ArxivId, float[]> vectors) {
        return ids.stream().filter(other -> !other.equals(id))
                .sorted(Comparator.comparingDouble((ArxivId other) -> -Embedder.cosine(vectors.get(id), vectors.get(other)))
                        .thenComparing(other -> other))
                .limit(RelatedPapers.COUNT).toList();
    }

    @Test
    void everyPaperGetsItsFiveNearestOthersNearestFirst() {
        List<ArxivId> ids = ids(300);
        Map<ArxivId, float[]> vectors = randomVectors(ids, 384, 1);
        Map<ArxivId, List<ArxivId>> related = RelatedPapers.of(ids, vectors);
        assertThat(related).hasSize(300);
        for (ArxivId id : ids) {
            assertThat(related.get(id)).as("related of %s", id).isEqualTo(naive(id, ids, vectors));
        }
    }

    @Test
    void aSmallArchiveListsEveryOtherPaper() {
        List<ArxivId> ids = ids(3);
        Map<ArxivId, List<ArxivId>> related = RelatedPapers.of(ids, randomVectors(ids, 8, 2));
        assertThat(related.get(ids.get(0))).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(RelatedPapers.of(List.of(), Map.of())).isEmpty();
    }

    @Test
    void equalScoresAreOrderedById() {
        List<ArxivId> ids = ids(8);
        Map<ArxivId, float[]> same = new HashMap<>();
        ids.forEach(id -> same.put(id, PaperVectors.unit(new float[] {1, 2, 3})));
        Map<ArxivId, List<ArxivId>> related = RelatedPapers.of(ids, same);
        ArxivId first = ids.get(0);
        assertThat(related.get(first)).isEqualTo(ids.stream().filter(id -> !id.equals(first)).sorted().limit(5).toList());
    }

    @Test
    void extendingTheListsWithAddedPapersGivesWhatComparingEveryPairGives() {
        List<ArxivId> all = ids(260);
        Map<ArxivId, float[]> vectors = randomVectors(all, 64, 3);
        List<ArxivId> older = all.subList(20, all.size());
        Map<ArxivId, List<ArxivId>> before = RelatedPapers.of(older, vectors);
        Set<ArxivId> added = Set.copyOf(all.subList(0, 20));

        Map<ArxivId, List<ArxivId>> extended = RelatedPapers.extend(before, added, all, vectors).orElseThrow();

        assertThat(extended).isEqualTo(RelatedPapers.of(all, vectors));
        long changed = older.stream().filter(id -> !before.get(id).equals(extended.get(id))).count();
        assertThat(changed).as("older papers with a new neighbour").isPositive().isLessThan(older.size());
        assertThat(older.stream().filter(id -> !before.get(id).equals(extended.get(id))))
                .allMatch(id -> extended.get(id).stream().anyMatch(added::contains));
    }

    @Test
    void listsOfAnotherArchiveCannotBeExtended() {
        List<ArxivId> all = ids(30);
        Map<ArxivId, float[]> vectors = randomVectors(all, 16, 4);
        Map<ArxivId, List<ArxivId>> before = new HashMap<>(RelatedPapers.of(all.subList(5, 30), vectors));
        assertThat(RelatedPapers.extend(before, Set.copyOf(all.subList(0, 4)), all, vectors)).as("a paper in neither").isEmpty();
        before.put(ArxivId.of("2301.00001"), List.of());
        assertThat(RelatedPapers.extend(before, Set.copyOf(all.subList(0, 5)), all, vectors)).as("a paper gone").isEmpty();
    }
}
