package io.paperwire.summarize;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run's LLM usage: calls, tokens in and out, the estimated cost, and whether the run's budget (tokens or US
 * dollars) is spent. Shared by the parallel calls of a run, so every counter is atomic. Calls already in flight when
 * the budget is reached still finish, so a run may end slightly above it.
 */
public final class LlmUsage {

    private final LlmSettings.Price price;
    private final long budgetTokens;
    private final double budgetUsd;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final AtomicBoolean budgetHit = new AtomicBoolean();
    private final AtomicLong callNanos = new AtomicLong();

    /** @param price empty when no price is configured for the model: the cost is then reported as unknown */
    public LlmUsage(Optional<LlmSettings.Price> price, long budgetTokens, double budgetUsd) {
        this.price = price.orElse(null);
        this.budgetTokens = budgetTokens;
        this.budgetUsd = budgetUsd;
    }

    public static LlmUsage unlimited() {
        return new LlmUsage(Optional.empty(), 0, 0);
    }

    public static LlmUsage of(LlmSettings settings) {
        return new LlmUsage(settings.price(), settings.budgetTokens(), settings.budgetUsd());
    }

    void recordCall() {
        calls.incrementAndGet();
    }

    void recordLatency(long nanos) {
        callNanos.addAndGet(nanos);
    }

    /** The time all calls took together (they may have overlapped). */
    public java.time.Duration callTime() {
        return java.time.Duration.ofNanos(callNanos.get());
    }

    void recordTokens(Integer in, Integer out) {
        inputTokens.addAndGet(in == null ? 0 : in);
        outputTokens.addAndGet(out == null ? 0 : out);
    }

    /** True once the budget is spent; stays true for the rest of the run and is then reported. */
    public boolean budgetReached() {
        boolean spent = (budgetTokens > 0 && inputTokens.get() + outputTokens.get() >= budgetTokens)
                || (budgetUsd > 0 && price != null && costUsd() >= budgetUsd);
        if (spent) {
            budgetHit.set(true);
        }
        return budgetHit.get();
    }

    public long calls() {
        return calls.get();
    }

    public long inputTokens() {
        return inputTokens.get();
    }

    public long outputTokens() {
        return outputTokens.get();
    }

    public boolean priced() {
        return price != null;
    }

    public double costUsd() {
        return price == null ? 0 : price.cost(inputTokens.get(), outputTokens.get());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d calls, %d tokens in, %d out, estimated cost %s%s", calls(), inputTokens(),
                outputTokens(), priced() ? String.format(Locale.ROOT, "$%.4f", costUsd()) : "unknown (no price for this model)",
                budgetHit.get() ? "; budget reached" : "");
    }
}
