package io.paperwire.ops;

import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@code serve} retries a partial send: every retry-minutes after the last attempt, for retry-hours. */
class DeliveryRetryTest {

    private static final Instant BEGAN = Instant.parse("2024-05-27T07:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(30);
    private static final Duration FOR = Duration.ofHours(48);

    @TempDir
    Path home;

    Database database;
    RunLog runs;

    @BeforeEach
    void open() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of("PAPERWIRE_SECRET", "test-secret-0123456789abcdef"),
                Map.of());
        database = Database.open(settings.db(), settings.dataDir());
        runs = new RunLog(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void run(String week, String state, Instant started, Instant finished) {
        database.update("INSERT INTO runs (week, state, sample, dry_run, forced, started_at, finished_at, trigger_source)"
                + " VALUES (?, ?, false, false, false, ?, ?, 'cli')", week, state, started, finished);
    }

    private Optional<RunRequest> dueAt(Instant now) {
        return new DeliveryRetry(runs, null, EVERY, FOR, Clock.fixed(now, ZoneOffset.UTC)).due();
    }

    @Test
    void aPartialSendIsRetriedEveryIntervalAfterTheLastAttemptUntilTheWindowCloses() {
        run("2024-W21", "partial", BEGAN, BEGAN.plusSeconds(900));
        Instant lastEnded = BEGAN.plusSeconds(900);

        assertThat(dueAt(lastEnded.plus(EVERY).minusSeconds(1))).isEmpty();
        assertThat(dueAt(lastEnded.plus(EVERY))).hasValueSatisfying(request -> {
            assertThat(request.week()).isEqualTo(Week.parse("2024-W21"));
            assertThat(request.send()).isTrue();
            assertThat(request.force()).isFalse();
            assertThat(request.dryRun()).isFalse();
        });

        // A retry that is partial again: the next one is due an interval after it, the window still counted from
        // the first attempt.
        run("2024-W21", "partial", BEGAN.plus(Duration.ofHours(47)), BEGAN.plus(Duration.ofHours(47)).plusSeconds(60));
        Instant retried = BEGAN.plus(Duration.ofHours(47)).plusSeconds(60);
        assertThat(dueAt(retried.plus(Duration.ofMinutes(10)))).isEmpty();
        assertThat(dueAt(BEGAN.plus(FOR).minusSeconds(1))).isPresent();
        assertThat(dueAt(BEGAN.plus(FOR).plusSeconds(1))).as("past retry-hours").isEmpty();
    }

    @Test
    void aCompletedOrDifferentLatestSendIsNotRetried() {
        run("2024-W21", "partial", BEGAN, BEGAN.plusSeconds(60));
        run("2024-W21", "succeeded", BEGAN.plusSeconds(3600), BEGAN.plusSeconds(3660));
        assertThat(dueAt(BEGAN.plus(Duration.ofHours(2)))).as("the retry completed it").isEmpty();

        run("2024-W22", "failed", BEGAN.plusSeconds(7200), BEGAN.plusSeconds(7260));
        assertThat(dueAt(BEGAN.plus(Duration.ofHours(3)))).as("a failed run sent nothing; W21 is done").isEmpty();

        run("2024-W22", "partial", BEGAN.plusSeconds(10800), BEGAN.plusSeconds(10860));
        assertThat(dueAt(BEGAN.plus(Duration.ofHours(4)))).map(RunRequest::week).contains(Week.parse("2024-W22"));
    }
}
