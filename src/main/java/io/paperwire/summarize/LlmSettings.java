package io.paperwire.summarize;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of the summarise stage ({@code paperwire.llm.*}), read from the validated settings and checked as a
 * whole: a bad value names its key, the value and how to fix it. The API key stays a
 * {@link PaperwireSettings.Secret} and is never part of a message.
 *
 * @param concurrency       parallel LLM calls
 * @param requestsPerMinute at most this many calls in any 60 s window; 0: no limit
 * @param timeout           per call, from sending the request to the whole answer
 * @param maxRetries        further attempts after a 429, a 5xx, a timeout or a broken connection
 * @param retryBase         first backoff; doubled at each retry, with jitter
 * @param maxRetryWait      longest wait the stage accepts (a longer {@code Retry-After} ends the call's retries)
 * @param maxOutputTokens   cap on the answer's length
 * @param budgetTokens      tokens (in + out) per run after which remaining papers get the extractive summary; 0: none
 * @param budgetUsd         the same as an estimated cost in US dollars; 0: none
 * @param prices            US dollars per million tokens (input, output) by model name or name prefix
 */
public record LlmSettings(String provider, String baseUrl, String model, PaperwireSettings.Secret apiKey,
                          int concurrency, int requestsPerMinute, Duration timeout, int maxRetries, Duration retryBase,
                          Duration maxRetryWait, int maxOutputTokens, long budgetTokens, double budgetUsd,
                          Map<String, Price> prices) {

    /** US dollars per million input and output tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {
        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
        }
    }

    public LlmSettings {
        prices = Map.copyOf(prices);
    }

    public boolean usesLlm() {
        return !"extractive".equals(provider);
    }

    /** The price of this model: an exact name first, else the longest configured prefix of it. */
    public Optional<Price> price() {
        if (prices.containsKey(model)) {
            return Optional.of(prices.get(model));
        }
        return prices.entrySet().stream().filter(e -> model.startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> a.length() - b.length())).map(Map.Entry::getValue);
    }

    /** The same settings with other limits; tests and benchmarks use it. */
    public LlmSettings withLimits(int newConcurrency, int newRequestsPerMinute, Duration newTimeout, int newMaxRetries,
                                  Duration newRetryBase) {
        return new LlmSettings(provider, baseUrl, model, apiKey, newConcurrency, newRequestsPerMinute, newTimeout,
                newMaxRetries, newRetryBase, maxRetryWait, maxOutputTokens, budgetTokens, budgetUsd, prices);
    }

    public LlmSettings withBudget(long newBudgetTokens, double newBudgetUsd) {
        return new LlmSettings(provider, baseUrl, model, apiKey, concurrency, requestsPerMinute, timeout, maxRetries,
                retryBase, maxRetryWait, maxOutputTokens, newBudgetTokens, newBudgetUsd, prices);
    }

    /**
     * @throws PaperwireSettings.InvalidSettingsException listing every bad {@code paperwire.llm.*} value
     */
    public static LlmSettings from(PaperwireSettings settings) {
        return SettingsReader.checked(settings.values(), r -> read(settings, r));
    }

    /** Reads {@code paperwire.llm.*}, adding every problem to {@code r}. */
    public static LlmSettings read(PaperwireSettings settings, SettingsReader r) {
        PaperwireSettings.Llm llm = settings.llm();
        String model = llm.model();
        if (!"extractive".equals(llm.provider()) && model.isBlank()) {
            r.problem("paperwire.llm.model", model, "name the model for provider " + llm.provider()
                    + ", e.g. gpt-4o-mini, claude-3-5-haiku-latest or llama3.2");
        }
        if ("anthropic".equals(llm.provider()) || ("openai".equals(llm.provider()) && llm.baseUrl().isBlank())) {
            if (!llm.apiKey().isPresent()) {
                r.problem("PAPERWIRE_LLM_API_KEY: provider " + llm.provider()
                        + " needs an API key; set the environment variable (or use paperwire.llm.provider=extractive)");
            }
        }
        if (!llm.baseUrl().isBlank() && !llm.baseUrl().matches("https?://[^\\s/]+.*")) {
            r.problem("paperwire.llm.base-url", llm.baseUrl(), "give an absolute http(s) URL such as http://127.0.0.1:11434/v1");
        }
        LlmSettings result = new LlmSettings(llm.provider(), llm.baseUrl(), model, llm.apiKey(),
                r.integer("paperwire.llm.concurrency", 1, 64),
                r.integer("paperwire.llm.requests-per-minute", 0, 100_000),
                Duration.ofMillis(Math.round(r.decimal("paperwire.llm.timeout-seconds", 0.1, 3600) * 1000)),
                r.integer("paperwire.llm.max-retries", 0, 10),
                Duration.ofMillis(r.integer("paperwire.llm.retry-base-millis", 0, 600_000)),
                Duration.ofSeconds(r.integer("paperwire.llm.max-retry-wait-seconds", 0, 3600)),
                r.integer("paperwire.llm.max-output-tokens", 100, 100_000),
                r.integer("paperwire.llm.budget-tokens", 0, Integer.MAX_VALUE),
                r.decimal("paperwire.llm.budget-usd", 0, 1_000_000),
                prices(r, "paperwire.llm.prices"));
        return result;
    }

    /** {@code model=input/output, …} in US dollars per million tokens. */
    private static Map<String, Price> prices(SettingsReader r, String key) {
        Map<String, Price> prices = new LinkedHashMap<>();
        String value = r.text(key);
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split("\\s*=\\s*");
            String[] io = parts.length == 2 ? parts[1].split("\\s*/\\s*") : new String[0];
            try {
                if (io.length != 2 || parts[0].isBlank()) {
                    throw new NumberFormatException();
                }
                Price price = new Price(Double.parseDouble(io[0]), Double.parseDouble(io[1]));
                if (price.inputPerMillion() < 0 || price.outputPerMillion() < 0) {
                    throw new NumberFormatException();
                }
                prices.put(parts[0], price);
            } catch (NumberFormatException e) {
                r.problem(key, entry.strip(), "write each price as model=input/output in US dollars per million"
                        + " tokens, e.g. gpt-4o-mini=0.15/0.60, separated by commas");
            }
        }
        return prices;
    }
}
