package io.paperwire.ops;

import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A week's run lock is held by the process running the week for as long as it renews the lock, and no longer: a
 * process that died (stopped renewing) loses it after the lock timeout, a live one never does.
 */
class RunLockRenewalTest {

    static final Duration TIMEOUT = Duration.ofMinutes(3);
    static final RunRequest W21 = RunRequest.of(Week.parse("2024-W21"));
    static final RunRequest W22 = RunRequest.of(Week.parse("2024-W22"));

    @TempDir
    Path home;

    Database database;
    RunLog nodeA;
    RunLog nodeB;

    @BeforeEach
    void open() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        database = Database.open(settings.db(), settings.dataDir());
        nodeA = new RunLog(database, new WeekLocks(database, "node-a", TIMEOUT));
        nodeB = new RunLog(database, new WeekLocks(database, "node-b", TIMEOUT));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aRunWhoseProcessKeepsRenewingItsLockKeepsItPastTheTimeoutAndLosesItOnceTheRenewalsStop() {
        long running = nodeA.create(W21, Trigger.API, null);

        lastRenewedAgo(TIMEOUT.multipliedBy(2));
        assertThat(nodeA.locks().renew()).isEqualTo(1);
        assertThatThrownBy(() -> nodeB.create(W21, Trigger.API, null)).isInstanceOf(RunInProgressException.class);
        assertThat(nodeA.status(running).orElseThrow().state()).isEqualTo(RunState.QUEUED);

        lastRenewedAgo(TIMEOUT.plusSeconds(5));
        long takenOver = nodeB.create(W21, Trigger.API, null);

        assertThat(takenOver).isNotEqualTo(running);
        assertThat(nodeA.status(running).orElseThrow().state()).isEqualTo(RunState.ABANDONED);
        assertThat(nodeA.status(running).orElseThrow().error()).isEqualTo("lock timed out");
    }

    @Test
    void aLockRenewedWithinTheTimeoutIsNotTakenOver() {
        nodeA.create(W21, Trigger.API, null);

        lastRenewedAgo(TIMEOUT.minusSeconds(30));

        assertThatThrownBy(() -> nodeB.create(W21, Trigger.API, null)).isInstanceOf(RunInProgressException.class);
    }

    @Test
    void aProcessRenewsTheLocksOfItsOwnRunsOnly() {
        nodeA.create(W21, Trigger.API, null);
        long other = nodeB.create(W22, Trigger.API, null);
        lastRenewedAgo(TIMEOUT.multipliedBy(2));

        assertThat(nodeA.locks().renew()).isEqualTo(1);

        RunLog nodeC = new RunLog(database, new WeekLocks(database, "node-c", TIMEOUT));
        assertThatThrownBy(() -> nodeC.create(W21, Trigger.API, null)).isInstanceOf(RunInProgressException.class);
        nodeC.create(W22, Trigger.API, null);
        assertThat(nodeC.status(other).orElseThrow().state()).isEqualTo(RunState.ABANDONED);
    }

    @Test
    void aLockLeftBehindByARunThisProcessIsDoneWithIsNoLongerRenewed() {
        long run = nodeA.create(W21, Trigger.API, null);
        assertThat(nodeA.locks().renew()).isEqualTo(1);

        nodeA.locks().stopRenewing(run);

        assertThat(nodeA.locks().renew()).isZero();
        lastRenewedAgo(TIMEOUT.plusSeconds(5));
        nodeB.create(W21, Trigger.API, null);
        assertThat(nodeA.status(run).orElseThrow().state()).isEqualTo(RunState.ABANDONED);
    }

    @Test
    void aRunThatEndsWithoutReleasingItsLockIsNoLongerRenewedByTheProcessThatRanIt() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext();
             RunService service = new RunService(nodeA, new Approvals(database, nodeA, false))) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:run").log("a run route that neither succeeds nor fails the run");
                }
            });
            camel.start();
            service.attach(() -> camel);
            long run = nodeA.create(W21, Trigger.API, null);

            service.runNow(run, W21);

            assertThat(database.queryOne("SELECT run_id FROM run_locks", row -> row.getLong("run_id"))).contains(run);
            assertThat(nodeA.locks().renew()).isZero();
        }
    }

    /** Time passes with no renewal: every lock was last renewed {@code ago}. */
    private void lastRenewedAgo(Duration ago) {
        database.update("UPDATE run_locks SET renewed_at = ?", Instant.now().minus(ago));
    }
}
