package io.paperwire.ops;

import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run routes' steps record a run's end in the runs table (same column values as ever), release its week's lock,
 * and tell the observer the typed state and outcome: the delivery report when the run sent, the failure when it failed.
 */
class RunStepsTest {

    static final RunRequest W21 = RunRequest.of(Week.parse("2024-W21"));

    record Observed(long runId, RunState state, RunOutcome outcome) {}

    @TempDir
    Path home;

    Database database;
    CamelContext camel;
    RunLog runs;
    RunSteps steps;
    final List<Observed> observed = new ArrayList<>();

    @BeforeEach
    void open() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        database = Database.open(settings.db(), settings.dataDir());
        camel = new DefaultCamelContext();
        runs = new RunLog(database);
        steps = new RunSteps(runs, new Approvals(database, runs, false), (id, state, outcome) -> {
            observed.add(new Observed(id, state, outcome));
            return List.of("alert for " + state.column());
        });
    }

    @AfterEach
    void close() throws Exception {
        database.close();
        camel.close();
    }

    @Test
    void aRunWhoseSendLeftSubscribersUnsentEndsPartialAndTheObserverGetsItsDeliveryReport() {
        Exchange exchange = begun();
        DeliveryReport report = new DeliveryReport(W21, "2024-w21", 3, 2, 0, 1, 0, 1, "", "outbox");
        exchange.getMessage().setBody(report);

        steps.succeed(exchange);

        long id = exchange.getProperty(RunSteps.RUN_ID, Long.class);
        assertThat(observed).containsExactly(new Observed(id, RunState.PARTIAL, new RunOutcome(report, null)));
        assertThat(column("state", id)).isEqualTo("partial");
        assertThat(runs.status(id).orElseThrow().alerts()).containsExactly("alert for partial");
        assertThat(lockCount()).isZero();
    }

    @Test
    void aRunThatSentToEveryoneSucceeds() {
        Exchange exchange = begun();
        DeliveryReport report = new DeliveryReport(W21, "2024-w21", 3, 3, 0, 0, 0, 0, "", "outbox");
        exchange.getMessage().setBody(report);

        steps.succeed(exchange);

        long id = exchange.getProperty(RunSteps.RUN_ID, Long.class);
        assertThat(observed).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(o.outcome().delivery()).isSameAs(report);
        });
        RunStatus run = runs.status(id).orElseThrow();
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.trigger()).isEqualTo(Trigger.CLI);
        assertThat(run.week()).isEqualTo(W21.week());
        assertThat(column("trigger_source", id)).isEqualTo("cli");
        assertThat(column("week", id)).isEqualTo("2024-W21");
    }

    @Test
    void aFailedRunIsStoredFailedWithItsMessageAndTheObserverGetsTheFailure() {
        Exchange exchange = begun();
        IllegalStateException failure = new IllegalStateException("the arXiv API answered 503");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);

        steps.fail(exchange);

        long id = exchange.getProperty(RunSteps.RUN_ID, Long.class);
        assertThat(observed).containsExactly(new Observed(id, RunState.FAILED, RunOutcome.failed(failure)));
        assertThat(column("state", id)).isEqualTo("failed");
        assertThat(runs.status(id).orElseThrow().error()).isEqualTo("the arXiv API answered 503");
        assertThat(lockCount()).isZero();
        assertThat(runs.locks().renew()).as("a finished run's lock is no longer renewed").isZero();
    }

    /** A CLI run that went through {@code begin}: created, locked and running. */
    private Exchange begun() {
        Exchange exchange = new DefaultExchange(camel);
        steps.begin(W21, exchange);
        long id = exchange.getProperty(RunSteps.RUN_ID, Long.class);
        assertThat(column("state", id)).isEqualTo("running");
        assertThat(lockCount()).isEqualTo(1);
        return exchange;
    }

    private String column(String column, long id) {
        return database.queryOne("SELECT " + column + " FROM runs WHERE id = ?", row -> row.getString(column), id)
                .orElseThrow();
    }

    private long lockCount() {
        return database.queryOne("SELECT COUNT(*) AS n FROM run_locks", row -> row.getLong("n")).orElseThrow();
    }
}
