package io.paperwire.ops;

import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.render.Preview;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The steps of {@code routes/run.camel.yaml} and the error policy of {@code routes/errors.camel.yaml} that record the
 * run (bean {@code runs}): they read the run from the exchange, hand its state to the {@link RunLog}, its drafts to
 * {@link Approvals}, and tell the {@link RunObserver} how it ended. The run id travels as the exchange property
 * {@value #RUN_ID}.
 */
public final class RunSteps {

    public static final String RUN_ID = "paperwireRunId";
    public static final String DRY_RUN = "paperwireDryRun";
    /** True once the run stopped as a draft: nothing is published or sent until it is approved. */
    public static final String DRAFT = "paperwireDraft";
    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);

    private final RunLog runs;
    private final Approvals approvals;
    private final RunObserver observer;

    public RunSteps(RunLog runs, Approvals approvals, RunObserver observer) {
        this.runs = runs;
        this.approvals = approvals;
        this.observer = observer;
    }

    /** First step of {@code direct:run}: the run (created here for a CLI run) becomes running. */
    public RunRequest begin(RunRequest request, Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id == null) {
            id = runs.create(request, Trigger.CLI, null);
            exchange.setProperty(RUN_ID, id);
        }
        runs.markRunning(id);
        exchange.setProperty(DRY_RUN, request.dryRun());
        exchange.setProperty(DRAFT, false);
        LOG.info("Run {} of {} started (sample={}, dryRun={}, force={}, send={})", id, request.week(),
                request.sample(), request.dryRun(), request.force(), request.send());
        return request;
    }

    /** True when the editor must approve the rendered issue before it is published and sent. */
    public boolean needsApproval() {
        return approvals.required();
    }

    /** Stops a run after rendering: the issue is kept as a draft and a preview written, nothing is published. */
    public Preview holdForApproval(Preview preview, Exchange exchange) {
        long id = exchange.getProperty(RUN_ID, Long.class);
        approvals.holdDraft(id, preview.rendered());
        exchange.setProperty(DRAFT, true);
        LOG.info("Run {} of {} is a draft awaiting approval; preview at {} (approve: paperwire approve {})", id,
                preview.rendered().request().week(), preview.html(), preview.rendered().request().week());
        return preview;
    }

    /** First step of {@code direct:approve}: the claimed draft's rendered issue, ready to publish. */
    public RenderedIssue approved(Exchange exchange) {
        long id = exchange.getProperty(RUN_ID, Long.class);
        RenderedIssue rendered = approvals.resume(id);
        exchange.setProperty(DRY_RUN, false);
        exchange.setProperty(DRAFT, false);
        return rendered;
    }

    /**
     * Last step of a run: succeeded, or partial when its send left subscribers unsent, or draft when it stopped for
     * approval; its report stored and its lock released.
     */
    public void succeed(Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id == null) {
            return;
        }
        Object result = exchange.getMessage().getBody();
        RunOutcome outcome = RunOutcome.completed(result);
        boolean draft = exchange.getProperty(DRAFT, false, Boolean.class);
        RunState state = draft ? RunState.DRAFT : outcome.partial() ? RunState.PARTIAL : RunState.SUCCEEDED;
        List<String> alerts = observer.finished(id, state, outcome);
        Object report = result instanceof Preview preview ? preview.html().toString() : result;
        runs.ended(id, state, report, alerts);
        DeliveryReport delivery = outcome.delivery();
        if (delivery != null) {
            LOG.info("Run {} of {} {}: {} sent, {} already had it, {} failed, {} left{}", id,
                    delivery.request().week(), state.column(), delivery.sent(), delivery.alreadySent(),
                    delivery.failed(), delivery.unsent(), alerts.isEmpty() ? "" : ", " + alerts.size() + " alert(s)");
        } else {
            LOG.info("Run {} {}", id, state.column());
        }
    }

    /** The error policy's step: the run failed with the caught exception's message; its lock is released. */
    public void fail(Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id == null) {
            return;
        }
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        String message = error == null ? "unknown error" : String.valueOf(error.getMessage());
        List<String> alerts = observer.finished(id, RunState.FAILED, RunOutcome.failed(error));
        runs.failed(id, message, alerts);
        LOG.warn("Run {} failed: {}", id, message);
    }

    /** The step of route {@code run-renew-locks}: renews the week locks of the runs this process is running. */
    public int renewLocks() {
        return runs.locks().renew();
    }
}
