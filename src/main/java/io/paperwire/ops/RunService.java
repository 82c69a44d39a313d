package io.paperwire.ops;

import io.paperwire.paper.RunRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts runs for the schedule, the admin API and {@code paperwire approve}: creates the run (taking its week's
 * lock, so a second run of the same week is refused with the id of the first) and sends it through
 * {@code direct:run} or {@code direct:approve}, either on the caller's thread or in the background.
 */
public final class RunService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final RunLog runs;
    private final Approvals approvals;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "paperwire-run");
        thread.setDaemon(true);
        return thread;
    });
    private volatile java.util.function.Supplier<CamelContext> camel = () -> null;
    private volatile ProducerTemplate producer;

    public RunService(RunLog runs, Approvals approvals) {
        this.runs = runs;
        this.approvals = approvals;
    }

    /** Where the Camel context comes from once it has started. */
    public void attach(java.util.function.Supplier<CamelContext> camel) {
        this.camel = camel;
    }

    /** The runs table. */
    public RunLog runs() {
        return runs;
    }

    /**
     * Queues a run and starts it in the background.
     *
     * @return the new run's id
     * @throws RunInProgressException when a run of the same week is in progress
     */
    public long submit(RunRequest request, Trigger trigger) {
        long id = runs.create(request, trigger, null);
        background.execute(() -> execute("direct:run", id, request));
        return id;
    }

    /** Approves a draft (exactly once) and publishes and sends it in the background. */
    public RunStatus approveInBackground(long runId) {
        RunStatus claimed = approvals.claim(runId);
        background.execute(() -> execute("direct:approve", runId, null));
        return claimed;
    }

    /** Approves a draft (exactly once) and publishes and sends it on this thread; returns the delivery report. */
    public Object approve(long runId) {
        approvals.claim(runId);
        return execute("direct:approve", runId, null);
    }

    /** Runs an existing queued run on this thread (the schedule's job thread); returns the last stage's result. */
    public Object runNow(long runId, RunRequest request) {
        return execute("direct:run", runId, request);
    }

    /** Creates and runs a scheduled run on this thread. */
    public Object runScheduled(RunRequest request, Instant scheduledFor) {
        long id = runs.create(request, Trigger.SCHEDULE, scheduledFor);
        return execute("direct:run", id, request);
    }

    private Object execute(String endpoint, long runId, RunRequest request) {
        try {
            ProducerTemplate producer = producer();
            Exchange result = producer.send(endpoint, exchange -> {
                exchange.setProperty(RunSteps.RUN_ID, runId);
                exchange.getMessage().setBody(request == null ? runId : request);
            });
            if (result.getException() != null) {
                LOG.warn("Run {} ended with an error: {}", runId, result.getException().getMessage());
                return null;
            }
            return result.getMessage().getBody();
        } finally {
            // The run released its lock on the way out; should anything have left the lock behind, it must not be
            // renewed forever by a process that has finished with the run: it goes stale after the lock timeout.
            runs.locks().stopRenewing(runId);
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            CamelContext context = camel.get();
            if (context == null || !context.isStarted()) {
                throw new IllegalStateException("Camel has not started; runs cannot be sent yet");
            }
            producer = context.createProducerTemplate();
        }
        return producer;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
