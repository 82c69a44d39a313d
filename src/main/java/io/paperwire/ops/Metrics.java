package io.paperwire.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;

/**
 * Paperwire's own metrics, scraped as Prometheus text at {@code GET /metrics}: runs by trigger and outcome, papers
 * per source, LLM calls, latency and tokens, messages sent and failed, and stage durations.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter messagesSent;
    private final Counter messagesFailed;
    private final Counter llmCalls;
    private final Counter llmTokens;
    private final Counter llmFallbacks;
    private final Timer llmLatency;

    public Metrics() {
        messagesSent = Counter.builder("paperwire.messages.sent").description("Messages accepted by the mailer")
                .register(registry);
        messagesFailed = Counter.builder("paperwire.messages.failed").description("Messages the mailer refused")
                .register(registry);
        llmCalls = Counter.builder("paperwire.llm.calls").description("Summaries requested from an LLM")
                .register(registry);
        llmTokens = Counter.builder("paperwire.llm.tokens").description("LLM tokens used (input and output)")
                .register(registry);
        llmFallbacks = Counter.builder("paperwire.llm.fallbacks")
                .description("Summaries the extractive summariser wrote because the LLM failed").register(registry);
        llmLatency = Timer.builder("paperwire.llm.latency").description("Time per LLM summary").register(registry);
        for (RunState state : new RunState[] {RunState.SUCCEEDED, RunState.PARTIAL, RunState.FAILED, RunState.DRAFT}) {
            run(Trigger.SCHEDULE, state, 0);
        }
        for (String source : new String[] {io.paperwire.source.ArxivApiSource.NAME, io.paperwire.source.HuggingFaceSource.NAME}) {
            papers(source, 0);
        }
    }

    /** A run ended. */
    public void run(Trigger trigger, RunState state, int count) {
        Counter.builder("paperwire.runs").description("Runs by trigger and outcome").tag("trigger", trigger.column())
                .tag("state", state.column()).register(registry).increment(count);
    }

    public void papers(String source, int count) {
        Counter.builder("paperwire.papers").description("Papers fetched per source").tag("source", source)
                .register(registry).increment(count);
    }

    public void stage(String stage, Duration duration) {
        Timer.builder("paperwire.stage.duration").description("Duration of each pipeline stage").tag("stage", stage)
                .register(registry).record(duration);
    }

    public void messages(int sent, int failed) {
        messagesSent.increment(sent);
        messagesFailed.increment(failed);
    }

    /** LLM use of one summarize stage: calls, tokens, fallbacks and the time the calls took together. */
    public void llm(int calls, long tokens, int fallbacks, Duration totalLatency) {
        llmCalls.increment(calls);
        llmTokens.increment(tokens);
        llmFallbacks.increment(fallbacks);
        if (calls > 0) {
            for (int i = 0; i < calls; i++) {
                llmLatency.record(totalLatency.dividedBy(calls));
            }
        }
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** Prometheus' content type for {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
