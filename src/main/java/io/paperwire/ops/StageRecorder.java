package io.paperwire.ops;

import io.paperwire.paper.Candidates;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.PersonalisedIssue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.SummarizedIssue;
import io.paperwire.paper.Summary;
import io.paperwire.paper.SummaryReport;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every stage of a run: each stage route names this policy ({@code routePolicy: stageRecorder} in
 * {@code routes/<stage>.camel.yaml}), which notes when the run's exchange enters and leaves the route; the body it
 * leaves with is the stage's result, which this class counts (papers, summaries, messages). Each stage is logged as
 * one line, stored with the run (so a running run shows its progress) and added to the metrics.
 */
public final class StageRecorder extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(StageRecorder.class);
    private static final String STARTED = "paperwireStageStarted.";

    private final RunLog runs;
    private final Metrics metrics;
    private final Map<Long, RunTrace> traces = new ConcurrentHashMap<>();

    public StageRecorder(RunLog runs, Metrics metrics) {
        this.runs = runs;
        this.metrics = metrics;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        exchange.setProperty(STARTED + route.getRouteId(), System.nanoTime());
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Long started = exchange.getProperty(STARTED + route.getRouteId(), Long.class);
        Long runId = exchange.getProperty(RunSteps.RUN_ID, Long.class);
        if (started != null && runId != null && exchange.getException() == null) {
            stageDone(runId, route.getRouteId(), Duration.ofNanos(System.nanoTime() - started),
                    exchange.getMessage().getBody());
        }
    }

    private void stageDone(long runId, String stage, Duration took, Object result) {
        Map<String, Integer> counts = count(result);
        // An approved draft goes on where its first part stopped: keep the stages recorded then.
        RunTrace trace = traces.computeIfAbsent(runId, id -> new RunTrace(
                runs.status(id).map(RunStatus::stages).orElse(List.of())));
        trace.add(new StageRecord(stage, took.toMillis(), counts), result);
        metrics.stage(stage, took);
        LOG.info("Run {} stage {} done in {} ms {}", runId, stage, took.toMillis(), counts);
        runs.saveStages(runId, trace.stages());
    }

    /** What the run's stages saw so far (removed when the run ends). */
    public RunTrace finish(long runId) {
        RunTrace trace = traces.remove(runId);
        return trace == null ? new RunTrace() : trace;
    }

    private Map<String, Integer> count(Object body) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (body instanceof Candidates candidates) {
            counts.put("papers", candidates.papers().size());
            candidates.report().papersPerSource().forEach((source, n) -> {
                counts.put("papers." + source, n);
                metrics.papers(source, n);
            });
            counts.put("problems", candidates.report().problems().size());
        } else if (body instanceof Selection selection) {
            counts.put("selected", (int) selection.papers().count());
        } else if (body instanceof SummarizedIssue summarized) {
            SummaryReport report = summarized.report();
            Selection selection = summarized.selection();
            List<SelectedPaper> papers = selection.papers().toList();
            counts.put("selected", papers.size());
            List<Summary> summaries = papers.stream().map(SelectedPaper::summary)
                    .filter(java.util.Objects::nonNull).toList();
            // The summarise stage's own account: calls, tokens and cost as the LLM reported them.
            counts.put("summarized", summaries.size());
            counts.put("fromCache", report.fromCache());
            counts.put("fallbacks", report.fallbacks());
            counts.put("llmCalls", (int) report.calls());
            counts.put("llmTokensIn", (int) report.inputTokens());
            counts.put("llmTokensOut", (int) report.outputTokens());
            counts.put("llmTokens", (int) (report.inputTokens() + report.outputTokens()));
            if (report.estimatedCostUsd() != null) {
                counts.put("llmCostMicroUsd", (int) Math.round(report.estimatedCostUsd() * 1_000_000));
            }
            metrics.llm((int) report.calls(), report.inputTokens() + report.outputTokens(), report.fallbacks(),
                    Duration.ofMillis(report.callMillis()));
        } else if (body instanceof PersonalisedIssue personalised) {
            counts.put("readersRanked", personalised.readersRanked());
            counts.put("readersKept", personalised.readersKept());
        } else if (body instanceof RenderedIssue rendered) {
            counts.put("papers", (int) rendered.issue().papers().count());
        } else if (body instanceof DeliveryReport delivery) {
            counts.put("recipients", delivery.subscribers());
            counts.put("sent", delivery.sent());
            counts.put("alreadySent", delivery.alreadySent());
            counts.put("failed", delivery.failed());
            counts.put("unsent", delivery.unsent());
            metrics.messages(delivery.sent(), delivery.failed());
        }
        return counts;
    }

    /** The stage records of one run and the stage results alerts look at. */
    public static final class RunTrace {
        private final List<StageRecord> stages;
        private Candidates candidates;
        private Selection summarized;
        private DeliveryReport delivery;

        public RunTrace() {
            this(List.of());
        }

        RunTrace(List<StageRecord> earlier) {
            this.stages = new ArrayList<>(earlier);
        }

        synchronized void add(StageRecord record, Object body) {
            stages.add(record);
            if (body instanceof Candidates c) {
                candidates = c;
            } else if (body instanceof SummarizedIssue s) {
                summarized = s.selection();
            } else if (body instanceof DeliveryReport d) {
                delivery = d;
            }
        }

        public synchronized List<StageRecord> stages() {
            return List.copyOf(stages);
        }

        public synchronized Candidates candidates() {
            return candidates;
        }

        public synchronized Selection summarized() {
            return summarized;
        }

        public synchronized DeliveryReport delivery() {
            return delivery;
        }
    }
}
