package io.paperwire.select.personal;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalPicksTest {

    static final int DIMS = 16;

    /** A controlled week: each paper's vector points along its cluster's axis, with a little noise. */
    static final class Week {
        final List<Paper> papers = new ArrayList<>();
        final List<float[]> vectors = new ArrayList<>();
        final Random random = new Random(7);

        Week paper(String id, String category, String title, String abstractText, int axis, String... authors) {
            papers.add(new Paper(new ArxivId(id), 1, title, abstractText,
                    java.util.Arrays.stream(authors).map(a -> new Author(a, "")).toList(), category,
                    List.of(category), Instant.parse("2024-05-20T10:00:00Z"), null, null, null, null, Signals.NONE));
            float[] v = new float[DIMS];
            v[axis] = 1;
            for (int d = 0; d < DIMS; d++) {
                v[d] += (float) (random.nextGaussian() * 0.05);
            }
            vectors.add(Vectors.normalise(v));
            return this;
        }

        CandidatePool pool() {
            return new CandidatePool(papers, vectors);
        }

        float[] vector(String id) {
            for (int i = 0; i < papers.size(); i++) {
                if (papers.get(i).id().value().equals(id)) {
                    return vectors.get(i);
                }
            }
            throw new IllegalArgumentException(id);
        }
    }

    static ReaderProfile reader(long id, List<String> topics, List<String> follows, List<String> mutes, int picks,
                                ReaderProfile.Vote... votes) {
        return new ReaderProfile(id, topics, follows, mutes, List.of(), picks, List.of(votes));
    }

    static Week mixedWeek() {
        return new Week()
                .paper("2405.00001", "cs.CV", "Latent diffusion for video", "We train a diffusion model on video.", 0)
                .paper("2405.00002", "cs.CV", "A benchmark for diffusion editing", "A new benchmark of edits.", 0)
                .paper("2405.00003", "cs.CV", "Segmenting anything faster", "Segmentation at speed.", 1)
                .paper("2405.00004", "cs.RO", "Legged robots that climb", "Robots climb stairs.", 2)
                .paper("2405.00005", "cs.RO", "Grasping with tactile skin", "Tactile grasping.", 2)
                .paper("2405.00006", "cs.CL", "Tokenizers and transfer", "Language models and tokenizers.", 3)
                .paper("2405.00007", "cs.CL", "Retrieval for long contexts", "Retrieval augmented language models.", 3)
                .paper("2405.00008", "cs.LG", "Optimisers revisited", "Adam and friends.", 4);
    }

    @Test
    void threeReadersWithDifferentTopicsGetDifferentPicksEachMatchingTheirTopicsOrFollows() {
        Week week = mixedWeek();
        List<ReaderProfile> readers = List.of(
                reader(1, List.of("cs.CV"), List.of("diffusion"), List.of(), 3),
                reader(2, List.of("cs.RO"), List.of(), List.of(), 3),
                reader(3, List.of("cs.CL"), List.of("retrieval"), List.of(), 3));

        List<PersonalPicks.ReaderPicks> picks = new PersonalPicks().rank(week.pool(), readers, Set.of(), Map.of());

        assertThat(picks).extracting(PersonalPicks.ReaderPicks::readerId).containsExactly(1L, 2L, 3L);
        for (PersonalPicks.ReaderPicks r : picks) {
            ReaderProfile profile = readers.get((int) r.readerId() - 1);
            assertThat(r.picks()).as("reader " + r.readerId()).isNotEmpty();
            for (Pick p : r.picks()) {
                boolean topic = profile.topics().contains(p.paper().primaryCategory());
                boolean follow = profile.follows().stream().anyMatch(f -> (p.paper().title() + " "
                        + p.paper().abstractText()).toLowerCase().contains(f));
                assertThat(topic || follow).as(p.paper().id() + " for reader " + r.readerId()).isTrue();
            }
        }
        assertThat(picks.get(0).picks().get(0).paper().id().value()).isEqualTo("2405.00001");
        assertThat(picks.get(0).picks().get(0).reasons()).containsExactly("topic: Computer Vision", "follows: diffusion");
        assertThat(picks.get(1).picks()).extracting(p -> p.paper().id().value())
                .containsExactlyInAnyOrder("2405.00004", "2405.00005");
        assertThat(picks.get(2).picks().get(0).paper().id().value()).isEqualTo("2405.00007");
    }

    @Test
    void mutedKeywordNeverAppearsInPersonalPicks() {
        Week week = mixedWeek();
        ReaderProfile reader = reader(1, List.of("cs.CV"), List.of("diffusion"), List.of("benchmark"), 5);

        List<Pick> picks = new PersonalPicks().rank(week.pool(), List.of(reader), Set.of(), Map.of()).get(0).picks();

        assertThat(picks).extracting(p -> p.paper().id().value()).doesNotContain("2405.00002").isNotEmpty();
        for (Pick p : picks) {
            assertThat(p.paper().title() + p.paper().abstractText() + p.reasons()).doesNotContainIgnoringCase("benchmark");
        }
    }

    @Test
    void aMutedWordHidesTheReadableTopicNameButNotThePick() {
        Week week = mixedWeek();
        ReaderProfile reader = reader(1, List.of("cs.RO"), List.of(), List.of("robotics"), 1);

        Pick pick = new PersonalPicks().rank(week.pool(), List.of(reader), Set.of(), Map.of()).get(0).picks().get(0);

        assertThat(pick.reasons()).containsExactly("topic: cs.RO");
    }

    @Test
    void papersAlreadyInTheEmailAreNotRepeated() {
        Week week = mixedWeek();
        ReaderProfile reader = reader(1, List.of("cs.RO"), List.of(), List.of(), 3);

        List<Pick> picks = new PersonalPicks().rank(week.pool(), List.of(reader), Set.of("2405.00004"), Map.of())
                .get(0).picks();

        assertThat(picks).extracting(p -> p.paper().id().value()).containsExactly("2405.00005");
    }

    @Test
    void zeroPicksMeansNoSection() {
        List<PersonalPicks.ReaderPicks> picks = new PersonalPicks().rank(mixedWeek().pool(),
                List.of(reader(1, List.of("cs.CV"), List.of(), List.of(), 0)), Set.of(), Map.of());

        assertThat(picks.get(0).picks()).isEmpty();
    }

    @Test
    void moreLikeThisMovesTheNextWeeksPicksTowardsTheLikedTopic() {
        // Last week the reader liked a robotics paper; this week has two papers of each of three topics they follow.
        Week lastWeek = new Week().paper("2405.09999", "cs.RO", "Quadrupeds on ice", "Robots walk on ice.", 2);
        Week thisWeek = new Week()
                .paper("2406.00001", "cs.CV", "Image one", "Pictures.", 0)
                .paper("2406.00002", "cs.CV", "Image two", "Pictures.", 0)
                .paper("2406.00003", "cs.RO", "Robot one", "Robots.", 2)
                .paper("2406.00004", "cs.RO", "Robot two", "Robots.", 2)
                .paper("2406.00005", "cs.CL", "Text one", "Words.", 3)
                .paper("2406.00006", "cs.CL", "Text two", "Words.", 3);
        List<String> topics = List.of("cs.CV", "cs.RO", "cs.CL");
        ReaderProfile before = reader(1, topics, List.of(), List.of(), 2);
        ReaderProfile after = reader(1, topics, List.of(), List.of(), 2, new ReaderProfile.Vote("2405.09999", 1));
        Map<String, float[]> voted = Map.of("2405.09999", lastWeek.vector("2405.09999"));

        List<Pick> withoutFeedback = new PersonalPicks().rank(thisWeek.pool(), List.of(before), Set.of(), voted)
                .get(0).picks();
        List<Pick> withFeedback = new PersonalPicks().rank(thisWeek.pool(), List.of(after), Set.of(), voted)
                .get(0).picks();

        assertThat(withoutFeedback).extracting(p -> p.paper().primaryCategory()).isNotEqualTo(List.of("cs.RO", "cs.RO"));
        assertThat(withFeedback).extracting(p -> p.paper().primaryCategory()).containsExactly("cs.RO", "cs.RO");
        assertThat(withFeedback.get(0).reasons()).contains("like 1 paper you liked");
    }

    @Test
    void lessLikeThisPushesATopicDown() {
        Week lastWeek = new Week().paper("2405.09998", "cs.CV", "Pictures of cats", "Cats.", 0);
        Week thisWeek = new Week()
                .paper("2406.00001", "cs.CV", "Image one", "Pictures.", 0)
                .paper("2406.00005", "cs.CL", "Text one", "Words.", 3);
        ReaderProfile reader = reader(1, List.of("cs.CV", "cs.CL"), List.of(), List.of(), 1,
                new ReaderProfile.Vote("2405.09998", -1));

        List<Pick> picks = new PersonalPicks().rank(thisWeek.pool(), List.of(reader), Set.of(),
                Map.of("2405.09998", lastWeek.vector("2405.09998"))).get(0).picks();

        assertThat(picks).extracting(p -> p.paper().primaryCategory()).containsExactly("cs.CL");
    }

    @Test
    void aReaderWhoOnlyLikedPapersGetsPapersCloseToThem() {
        Week week = mixedWeek();
        ReaderProfile reader = reader(1, List.of(), List.of(), List.of(), 2, new ReaderProfile.Vote("2405.00004", 1));

        List<Pick> picks = new PersonalPicks().rank(week.pool(), List.of(reader), Set.of(),
                Map.of("2405.00004", week.vector("2405.00004"))).get(0).picks();

        assertThat(picks).extracting(p -> p.paper().id().value()).containsExactly("2405.00005");
        assertThat(picks.get(0).reasons()).containsExactly("like 1 paper you liked");
    }

    @Test
    void theBlockedMatrixProductEqualsThePlainDotProducts() {
        Random random = new Random(3);
        int n = 37;
        int dims = 24;
        float[] candidates = new float[n * dims];
        float[][] shared = new float[133][dims];
        for (int i = 0; i < candidates.length; i++) {
            candidates[i] = (float) random.nextGaussian();
        }
        for (float[] vector : shared) {
            for (int d = 0; d < dims; d++) {
                vector[d] = (float) random.nextGaussian();
            }
        }

        float[][] product = SharedCosines.similarities(candidates, n, dims, shared);

        for (int b = 0; b < shared.length; b++) {
            for (int i = 0; i < n; i++) {
                assertThat(product[b][i]).isCloseTo(Vectors.dot(candidates, i * dims, shared[b], dims),
                        org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void keywordPhrasesMatchWholeWordsWithAPluralAsTheSelectStageDoes() {
        CandidatePool pool = new Week()
                .paper("2405.00001", "cs.CL", "Large language models", "x", 0)
                .paper("2405.00002", "cs.CL", "A language model", "x", 0)
                .paper("2405.00003", "cs.CL", "Language modelling", "x", 0)
                .paper("2405.00004", "cs.CL", "Model of language", "x", 0).pool();

        assertThat(pool.keyword("language model").stream().toArray()).containsExactly(0, 1);
        assertThat(pool.keyword("Model").stream().toArray()).containsExactly(0, 1, 3);
    }
}
