package io.paperwire.ops;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.store.Database;
import io.paperwire.store.DatabaseException;
import io.paperwire.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Editorial approval ({@code paperwire.approval=required}): a run stops after rendering as a {@link RunState#DRAFT
 * draft}, its rendered issue kept with it and its week's lock released, until an editor approves it; approving claims
 * the draft exactly once and the run goes on to publish and send.
 */
public final class Approvals {

    private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);

    private final Database database;
    private final RunLog runs;
    private final boolean required;

    public Approvals(Database database, RunLog runs, boolean required) {
        this.database = database;
        this.runs = runs;
        this.required = required;
    }

    /** True when the editor must approve a rendered issue before it is published and sent. */
    public boolean required() {
        return required;
    }

    /** The running run {@code runId} stops as a draft of {@code rendered}; its week's lock is released. */
    void holdDraft(long runId, RenderedIssue rendered) {
        WeekLocks locks = runs.locks();
        database.inTransaction(c -> {
            Database.update(c, "UPDATE runs SET state = 'draft', draft = ? WHERE id = ? AND state = 'running'",
                    Json.write(rendered), runId);
            locks.release(c, runId);
            return null;
        });
        locks.stopRenewing(runId);
    }

    /**
     * Claims the draft run {@code runId} for publishing, exactly once: the first caller moves it from draft to
     * queued (taking the week's lock), every later caller gets a {@link RunStateException}.
     *
     * @throws RunInProgressException when another run holds the week
     */
    public RunStatus claim(long runId) {
        RunStatus run = runs.status(runId).orElseThrow(() -> new RunStateException("there is no run " + runId));
        Week week = run.week();
        WeekLocks locks = runs.locks();
        locks.releaseStale(week);
        try {
            int claimed = database.inTransaction(c -> {
                int changed = Database.update(c, "UPDATE runs SET state = 'queued', trigger_source = ?, node = ?"
                        + " WHERE id = ? AND state = 'draft'", Trigger.APPROVE.column(), locks.node(), runId);
                if (changed == 1) {
                    locks.take(c, week, runId);
                }
                return changed;
            });
            if (claimed == 0) {
                throw new RunStateException("run " + runId + " of " + week + " is " + run.state().column()
                        + ", not a draft awaiting approval");
            }
            locks.renewing(runId);
        } catch (DatabaseException e) {
            if (WeekLocks.isUniqueViolation(e)) {
                throw new RunInProgressException(week, locks.holder(week).orElse(-1L));
            }
            throw e;
        }
        LOG.info("Run {} of {} approved; publishing and sending", runId, week);
        return runs.status(runId).orElseThrow();
    }

    /** The latest draft of a week, for {@code paperwire approve WEEK}. */
    public Optional<Long> latestDraft(Week week) {
        return database.queryOne("SELECT id FROM runs WHERE week = ? AND state = 'draft' ORDER BY id DESC LIMIT 1",
                row -> row.getLong("id"), week.toString());
    }

    /**
     * The claimed draft {@code runId} runs again: its rendered issue, no longer a dry run, ready to publish.
     *
     * @throws RunStateException when the run has no draft
     */
    RenderedIssue resume(long runId) {
        String draft = database.queryOne("SELECT draft FROM runs WHERE id = ?", row -> row.getString("draft"), runId)
                .orElseThrow(() -> new RunStateException("run " + runId + " has no draft"));
        database.update("UPDATE runs SET state = 'running' WHERE id = ?", runId);
        RenderedIssue rendered = Json.read(draft, RenderedIssue.class);
        RunRequest request = rendered.request();
        return new RenderedIssue(new RunRequest(request.week(), request.sample(), false, request.force(), request.send()),
                rendered.issueId(), rendered.issue(), rendered.subject(), rendered.html(), rendered.text());
    }
}
