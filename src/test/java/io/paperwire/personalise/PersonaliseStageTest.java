package io.paperwire.personalise;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.PersonalisedIssue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.Signals;
import io.paperwire.paper.Week;
import io.paperwire.select.CandidateVectors;
import io.paperwire.select.personal.PersonalSettings;
import io.paperwire.select.personal.Pick;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.source.PaperStore;
import io.paperwire.store.Database;
import io.paperwire.subscribers.Preferences;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Picks are ranked once per issue and stored: a resumed send mails the same ones, a new reader is ranked then. */
class PersonaliseStageTest {

    static final Week WEEK = Week.parse("2024-W21");
    static final List<String> CATEGORIES = List.of("cs.CV", "cs.RO", "cs.CL");

    @TempDir
    Path home;
    Database database;
    SubscriberStore subscribers;
    PreferencesStore preferences;
    PersonaliseStage stage;

    @BeforeEach
    void open() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        database = Database.open(settings.db(), settings.dataDir());
        subscribers = new SubscriberStore(database);
        preferences = new PreferencesStore(database);
        List<Paper> papers = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String category = CATEGORIES.get(i % 3);
            papers.add(new Paper(ArxivId.of("2405.0000" + (i + 1)), 1, "Paper " + i + " on " + category,
                    "An abstract about " + category + ". More words.", List.of(Author.named("Author " + i)), category,
                    List.of(category), null, null, null, null, null, new Signals(false, 0, 0, "", "", "", List.of())));
            float[] v = new float[4];
            v[i % 3] = 1;
            vectors.add(v);
        }
        new PaperStore(database).saveAll(papers);
        CandidateVectors candidates = new CandidateVectors(database, () -> null, true);
        candidates.store(WEEK.toString(), papers, vectors);
        PersonalSettings settings3 = new PersonalSettings(true, 3);
        stage = new PersonaliseStage(subscribers, preferences, candidates, settings3, new ReaderProfiles(settings3,
                new ReaderProfiles.DefaultInterests(List.of("cs.CL"), List.of(), List.of())), new StoredPicks(database));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void eachReadersPicksAreRankedOnceAndAResumedSendGetsTheSameOnes() {
        Subscriber ada = subscribers.add("ada@example.org");
        preferences.save(ada.id(), topics("cs.CV"));
        RenderedIssue issue = issue(1);

        stage.personalise(issue);
        preferences.save(ada.id(), topics("cs.RO"));

        assertThat(categoriesOf(stage.picks(issue).get(ada.id()))).containsOnly("cs.CV");
        assertThat(categoriesOf(new StoredPicks(database).load(issue.issueId()).get(ada.id()))).containsOnly("cs.CV");
        assertThat(categoriesOf(stage.picks(issue(2)).get(ada.id()))).as("the next issue").containsOnly("cs.RO");
    }

    @Test
    void aReaderWhoJoinedAfterTheRankingIsRankedWhenTheIssueIsMailed() {
        Subscriber ada = subscribers.add("ada@example.org");
        RenderedIssue issue = issue(1);
        stage.personalise(issue);
        Subscriber bo = subscribers.add("bo@example.org");
        preferences.save(bo.id(), topics("cs.RO"));

        Map<Long, List<Pick>> picks = stage.picks(issue);

        assertThat(picks).containsOnlyKeys(ada.id(), bo.id());
        assertThat(categoriesOf(picks.get(ada.id()))).as("the newsletter's interests").containsOnly("cs.CL");
        assertThat(categoriesOf(picks.get(bo.id()))).containsOnly("cs.RO");
    }

    @Test
    void theStageCountsTheReadersItRankedAndThoseWhoKeptTheirPicks() {
        subscribers.add("ada@example.org");
        subscribers.add("bo@example.org");
        RenderedIssue issue = issue(1);
        assertThat(stage.personalise(issue)).isEqualTo(new PersonalisedIssue(issue, 2, 0));

        subscribers.add("cy@example.org");
        assertThat(stage.personalise(issue)).as("a rerun ranks only the newcomer")
                .isEqualTo(new PersonalisedIssue(issue, 1, 2));
    }

    @Test
    void storingAReadersPicksOfAnIssueAgainKeepsTheFirst() {
        Subscriber ada = subscribers.add("ada@example.org");
        preferences.save(ada.id(), topics("cs.CV"));
        RenderedIssue issue = issue(1);
        Map<Long, List<Pick>> first = stage.rank(issue, List.of(ada));
        preferences.save(ada.id(), topics("cs.RO"));
        Map<Long, List<Pick>> second = stage.rank(issue, List.of(ada));
        StoredPicks stored = new StoredPicks(database);

        stored.save(issue.issueId(), first);
        stored.save(issue.issueId(), second);

        assertThat(categoriesOf(stored.load(issue.issueId()).get(ada.id()))).containsOnly("cs.CV");
    }

    @Test
    void forgettingAReaderDeletesTheirStoredPicks() {
        Subscriber ada = subscribers.add("ada@example.org");
        Subscriber bo = subscribers.add("bo@example.org");
        stage.personalise(issue(1));

        preferences.forget(ada.id());

        assertThat(new StoredPicks(database).readers(1)).containsOnly(bo.id());
    }

    @Test
    void anIssuePublishedWithoutMailingIsNotRanked() {
        subscribers.add("ada@example.org");
        RenderedIssue issue = issue(1);
        RenderedIssue notSent = new RenderedIssue(new RunRequest(WEEK, false, false, false, false), 1, issue.issue(), "s", "h", "t");

        stage.personalise(notSent);

        assertThat(new StoredPicks(database).readers(1)).isEmpty();
    }

    private static Preferences topics(String topic) {
        return new Preferences(true, true, List.of(topic), List.of(), List.of(), List.of(), 2, Preferences.Format.FULL);
    }

    private static RenderedIssue issue(long id) {
        Issue issue = new Issue(WEEK, (int) id, "Paperwire", Instant.now(),
                List.of(new Section(SectionKey.HIGHLIGHTS, List.of())));
        return new RenderedIssue(RunRequest.of(WEEK), id, issue, "subject", "html", "text");
    }

    private static List<String> categoriesOf(List<Pick> picks) {
        assertThat(picks).isNotEmpty();
        return picks.stream().map(p -> p.paper().primaryCategory()).toList();
    }
}
