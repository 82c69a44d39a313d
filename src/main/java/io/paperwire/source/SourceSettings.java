package io.paperwire.source;

import io.paperwire.common.Backoff;
import io.paperwire.common.RetryPolicy;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The source stage's own settings (collection mode, politeness, retries, cache, safety), read from the validated
 * {@link PaperwireSettings} values and checked at start: every bad value is named with how to fix it.
 *
 * @param mode            how the week's arXiv papers are collected
 * @param announceTypes   arXiv RSS announce types to keep (new, cross, replace, replace-cross)
 * @param pageRetries     times a malformed or wrongly empty arXiv API page is asked for again
 * @param hfPageSize      Hugging Face results per page
 * @param hfTrending      also collect the week's trending view
 * @param hfDelay         pause between Hugging Face requests
 * @param retry           retries of transient HTTP faults
 * @param cacheMaxAge     answers younger than this are reused without a request (zero: always revalidate)
 * @param allowedHosts    hosts that may be fetched, besides the hosts of the configured source URLs
 * @param maxBodyBytes    the largest response accepted
 */
public record SourceSettings(Mode mode, Set<String> announceTypes, int pageRetries, int hfPageSize,
                             boolean hfTrending, Duration hfDelay, RetryPolicy retry, Duration cacheMaxAge,
                             List<String> allowedHosts, int maxBodyBytes) {

    /** How the arXiv part of the week is collected. */
    public enum Mode {
        /** The API's submission-date window, paged. */
        API,
        /** The daily RSS announcements (listing pages as fallback), stored per announcement day. */
        RSS
    }

    static final Set<String> ANNOUNCE_TYPES = Set.of("new", "cross", "replace", "replace-cross");

    public static SourceSettings from(PaperwireSettings settings) {
        return from(settings.values());
    }

    static SourceSettings from(Map<String, String> values) {
        return SettingsReader.checked(values, r -> read(r));
    }

    /** Reads the source stage's keys, adding every problem to {@code r}. */
    public static SourceSettings read(SettingsReader r) {
        Mode mode = r.choice("paperwire.arxiv.mode", Mode.class, Mode.API,
                "write api (the submission window, paged) or rss (daily announcements)");
        List<String> types = r.lowerCaseList("paperwire.arxiv.rss-announce-types");
        for (String type : types) {
            if (!ANNOUNCE_TYPES.contains(type)) {
                r.problem("paperwire.arxiv.rss-announce-types", String.join(" ", types),
                        "use some of new, cross, replace, replace-cross");
                break;
            }
        }
        if (types.isEmpty()) {
            r.problem("paperwire.arxiv.rss-announce-types", "", "name at least one of new, cross, replace, replace-cross");
        }
        return new SourceSettings(mode, Set.copyOf(types),
                r.integer("paperwire.arxiv.page-retries", 0, 10),
                r.integer("paperwire.hf.page-size", 1, 1000),
                r.bool("paperwire.hf.trending"),
                r.seconds("paperwire.hf.delay-seconds", 0, 600),
                retryPolicy(r.integer("paperwire.http.retries", 0, 10) + 1,
                        r.seconds("paperwire.http.retry-backoff-seconds", 0, 600),
                        r.seconds("paperwire.http.max-retry-wait-seconds", 0, 3600)),
                Duration.ofMinutes(Math.round(r.decimal("paperwire.http.cache-max-age-hours", 0, 24 * 365) * 60)),
                r.lowerCaseList("paperwire.http.allowed-hosts"),
                r.integer("paperwire.http.max-body-kb", 16, 1024 * 1024) * 1024);
    }

    /** Doubling backoff without jitter (one client, one connection), capped at the longest wait a server may ask for. */
    static RetryPolicy retryPolicy(int attempts, Duration backoff, Duration maxWait) {
        return new RetryPolicy(attempts, new Backoff(backoff, maxWait, false), maxWait);
    }
}
