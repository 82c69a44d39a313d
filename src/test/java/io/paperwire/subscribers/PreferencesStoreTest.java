package io.paperwire.subscribers;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesStoreTest {

    @TempDir
    Path home;
    Database database;
    SubscriberStore subscribers;
    PreferencesStore store;

    @BeforeEach
    void open() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        database = Database.open(settings.db(), settings.dataDir());
        subscribers = new SubscriberStore(database);
        store = new PreferencesStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void preferencesAreStoredAndReadBackWithTheDefaultPicksAsNull() {
        Subscriber ada = subscribers.add("ada@example.org");
        Preferences chosen = new Preferences(true, false, List.of("cs.CV", "cs.RO"), List.of("diffusion"),
                List.of("benchmark"), List.of("Ada Lovelace"), null, Preferences.Format.SHORT);

        store.save(ada.id(), chosen);

        assertThat(store.of(ada.id())).contains(chosen);
        store.save(ada.id(), chosen.withPicks(0));
        assertThat(store.of(ada.id()).orElseThrow().picks()).isZero();
        assertThat(store.all()).containsOnlyKeys(ada.id());
    }

    @Test
    void theReadersOfTheShortFormatAreThoseWhoChoseIt() {
        Subscriber ada = subscribers.add("ada@example.org");
        Subscriber bo = subscribers.add("bo@example.org");
        subscribers.add("cy@example.org");
        store.save(ada.id(), new Preferences(true, true, List.of(), List.of(), List.of(), List.of(), null, Preferences.Format.SHORT));
        store.save(bo.id(), new Preferences(true, true, List.of("cs.CV"), List.of(), List.of(), List.of(), 2, Preferences.Format.FULL));

        assertThat(store.readersOfTheShortFormat()).containsExactly(ada.id());
    }

    @Test
    void aReaderWithoutPreferencesHasNone() {
        Subscriber ada = subscribers.add("ada@example.org");

        assertThat(store.of(ada.id())).isEmpty();
    }

    @Test
    void theLatestVoteOnAPaperWins() {
        Subscriber ada = subscribers.add("ada@example.org");

        store.vote(ada.id(), "2405.00001", 1);
        store.vote(ada.id(), "2405.00002", 1);
        store.vote(ada.id(), "2405.00001", -1);

        assertThat(store.feedback(ada.id())).extracting(FeedbackVote::arxivId, FeedbackVote::vote)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2405.00001", -1),
                        org.assertj.core.groups.Tuple.tuple("2405.00002", 1));
        assertThatThrownBy(() -> store.vote(ada.id(), "2405.00001", 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgettingAReaderDeletesTheirPreferencesFeedbackAndAddress() {
        Subscriber ada = subscribers.add("ada@example.org");
        Subscriber bo = subscribers.add("bo@example.org");
        store.save(ada.id(), new Preferences(true, true, List.of("cs.CV"), List.of(), List.of(), List.of(), 3, null));
        store.vote(ada.id(), "2405.00001", 1);
        store.vote(bo.id(), "2405.00001", 1);

        assertThat(store.forget(ada.id())).isTrue();

        assertThat(store.of(ada.id())).isEmpty();
        assertThat(store.feedback(ada.id())).isEmpty();
        assertThat(store.feedback(bo.id())).hasSize(1);
        assertThat(subscribers.find("ada@example.org")).isEmpty();
        Subscriber forgotten = subscribers.byId(ada.id()).orElseThrow();
        assertThat(forgotten.state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
        assertThat(forgotten.token()).isNotEqualTo(ada.token());
        assertThat(subscribers.entries()).extracting(e -> e.subscriber().email()).containsExactly("bo@example.org");
    }

    @Test
    void formInputIsCleanedAndBoundedValuesAreChecked() {
        Preferences p = new Preferences(true, true, Preferences.split(" cs.CV, ,cs.CV,cs.RO "),
                Preferences.split("diffusion\n  world   models \n"), List.of(), List.of(), null, null);

        assertThat(p.topics()).containsExactly("cs.CV", "cs.RO");
        assertThat(p.follows()).containsExactly("diffusion", "world models");
        assertThat(p.format()).isEqualTo(Preferences.Format.FULL);
        assertThatThrownBy(() -> new Preferences(true, true, List.of("computer vision"), List.of(), List.of(),
                List.of(), null, null)).hasMessageContaining("topic 'computer vision'");
        assertThatThrownBy(() -> new Preferences(true, true, List.of(), List.of(), List.of(), List.of(), 11, null))
                .hasMessageContaining("picks 11");
        assertThatThrownBy(() -> Preferences.Format.of("tiny")).hasMessageContaining("full or short");
    }
}
