package io.paperwire.archive;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.testing.FakeIssues;
import io.paperwire.testing.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PaperVectorsTest {

    static final Week WEEK = Week.parse("2024-W21");

    @TempDir
    Path home;

    static List<Paper> papers(int count) {
        return IntStream.range(0, count).mapToObj(n -> FakeIssues.paper(WEEK, n).paper()).toList();
    }

    private void keepsEachVectorOnceAndEmbedsOnlyWhatIsMissingOrChanged(Map<String, String> database) {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), database);
        PaperPagesTest.WordsEmbedder embedder = new PaperPagesTest.WordsEmbedder();
        List<Paper> twenty = papers(20);
        Map<ArxivId, float[]> first;
        try (Database db = Database.open(settings.db(), settings.dataDir())) {
            first = PaperVectors.stored(db, () -> embedder).of(twenty.subList(0, 12));
            assertThat(embedder.texts.get()).isEqualTo(12);
            assertThat(db.queryOne("SELECT COUNT(*) AS n FROM paper_vectors WHERE model = ?", row -> row.getInt("n"),
                    PaperVectors.MODEL)).contains(12);
        }
        try (Database db = Database.open(settings.db(), settings.dataDir())) {
            Map<ArxivId, float[]> again = PaperVectors.stored(db, () -> {
                throw new AssertionError("the model is not loaded when every vector is kept");
            }).of(twenty.subList(0, 12));
            assertThat(again.keySet()).isEqualTo(first.keySet());
            again.forEach((id, v) -> assertThat(v).as("%s read back", id).containsExactly(first.get(id)));

            Paper changed = twenty.get(3);
            changed = new Paper(changed.id(), 2, changed.title(), "A new abstract about tokenizers.", changed.authors(),
                    changed.primaryCategory(), changed.categories(), changed.published(), changed.updated(), "", "", "",
                    changed.signals());
            List<Paper> next = new java.util.ArrayList<>(twenty);
            next.set(3, changed);
            Map<ArxivId, float[]> all = PaperVectors.stored(db, () -> embedder).of(next);
            assertThat(embedder.texts.get()).as("8 new papers and 1 changed abstract").isEqualTo(12 + 9);
            assertThat(all).hasSize(20);
            assertThat(all.get(changed.id())).isNotEqualTo(first.get(changed.id()));
            assertThat(db.queryOne("SELECT COUNT(*) AS n FROM paper_vectors", row -> row.getInt("n"))).contains(20);
        }
    }

    @Test
    void theEmbeddedDatabaseKeepsEachVectorOnceAndOnlyMissingOrChangedOnesAreEmbedded() {
        keepsEachVectorOnceAndEmbedsOnlyWhatIsMissingOrChanged(Map.of());
    }

    @Test
    void postgresqlKeepsTheVectorsToo() {
        LocalPostgres postgres = LocalPostgres.freshSchemaOrSkip();
        try {
            keepsEachVectorOnceAndEmbedsOnlyWhatIsMissingOrChanged(new HashMap<>(postgres.settings()));
        } finally {
            postgres.drop();
        }
    }

    @Test
    void vectorsAreUnitLengthAndSurviveTheirBytes() {
        float[] unit = PaperVectors.unit(new float[] {3, 4});
        assertThat(unit).containsExactly(0.6f, 0.8f);
        float[] odd = {1.5e-7f, -2.25f, Float.MIN_VALUE, 0};
        assertThat(PaperVectors.floats(PaperVectors.bytes(odd))).containsExactly(odd);
    }
}
