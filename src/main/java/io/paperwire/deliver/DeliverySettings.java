package io.paperwire.deliver;

import io.paperwire.PaperwireSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a send runs: workers, speed limit, retries, the error threshold that pauses it, and the SMTP timeouts.
 * Read from the {@code paperwire.deliver.*} and {@code paperwire.smtp.*} settings and validated as a whole.
 *
 * @param concurrency    messages in flight at once, each worker on its own connected transport
 * @param ratePerSecond  at most this many messages a second over all workers; 0 means unlimited
 * @param maxAttempts    tries of one message within a run after transient failures
 * @param retryBackoff   wait before the first retry; doubled for each further one, capped at a minute
 * @param errorThreshold transient failures in a run after which the send pauses; 0 means never
 * @param ssl            SMTP over SSL from the first byte (port 465) instead of STARTTLS
 * @param timeout        connect, read and write timeout of every SMTP connection
 * @param sslTrust       hosts whose certificate is trusted without a CA (a relay with a self-signed certificate);
 *                       empty: the JVM's trust store decides. The host name is checked either way.
 * @param outage         how long a send waits for an unreachable SMTP server, and how often it probes it
 * @param retryEvery     how often {@code serve} retries the unsent deliveries of the latest issue
 * @param retryFor       for how long after that send began {@code serve} keeps retrying
 */
public record DeliverySettings(int concurrency, double ratePerSecond, int maxAttempts, Duration retryBackoff,
                               int errorThreshold, boolean ssl, Duration timeout, String sslTrust, Outage outage,
                               Duration retryEvery, Duration retryFor) {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /**
     * Waiting out a server outage: probes after {@code firstProbe}, doubling up to {@code maxProbe} between probes,
     * until the server answers or {@code maxWait} has passed since it stopped answering.
     */
    public record Outage(Duration maxWait, Duration firstProbe, Duration maxProbe) {
        static final Duration FIRST_PROBE = Duration.ofSeconds(1);
        static final Duration MAX_PROBE = Duration.ofSeconds(30);

        /** The wait before probe number {@code probe} (1 for the first after the failure). */
        public Duration beforeProbe(int probe) {
            long millis = firstProbe.toMillis() << Math.min(Math.max(probe - 1, 0), 20);
            return Duration.ofMillis(Math.min(millis, maxProbe.toMillis()));
        }
    }

    /** Defaults suited to tests and small lists. */
    public static DeliverySettings defaults() {
        return new DeliverySettings(4, 0, 3, Duration.ofSeconds(1), 20, false, Duration.ofSeconds(30), "",
                new Outage(Duration.ofMinutes(15), Outage.FIRST_PROBE, Outage.MAX_PROBE), Duration.ofMinutes(30),
                Duration.ofHours(48));
    }

    /**
     * @throws PaperwireSettings.InvalidSettingsException naming each bad key, its value and how to fix it
     */
    public static DeliverySettings from(PaperwireSettings settings) {
        Parser p = new Parser(settings.values());
        DeliverySettings result = new DeliverySettings(
                (int) p.number("paperwire.deliver.concurrency", 1, 6, 4),
                p.number("paperwire.deliver.rate-per-second", 0, 100_000, 0),
                (int) p.number("paperwire.deliver.max-attempts", 1, 20, 3),
                Duration.ofMillis((long) p.number("paperwire.deliver.retry-backoff-millis", 0, 60_000, 1000)),
                (int) p.number("paperwire.deliver.error-threshold", 0, 1_000_000, 20),
                p.bool("paperwire.smtp.ssl", false),
                Duration.ofSeconds((long) p.number("paperwire.smtp.timeout-seconds", 1, 600, 30)),
                settings.values().getOrDefault("paperwire.smtp.ssl-trust", "").strip(),
                new Outage(minutes(p.number("paperwire.deliver.outage-wait-minutes", 0.01, 24 * 60, 15)),
                        Outage.FIRST_PROBE, Outage.MAX_PROBE),
                minutes(p.number("paperwire.deliver.retry-minutes", 0.01, 24 * 60, 30)),
                minutes(p.number("paperwire.deliver.retry-hours", 0, 24 * 30, 48) * 60));
        p.throwIfBad();
        return result;
    }

    /** Fractions allowed (0.05 is three seconds), so that tests can wait seconds where operators wait minutes. */
    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        long millis = retryBackoff.toMillis() << Math.min(Math.max(retry - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    public DeliverySettings withConcurrency(int workers) {
        return new DeliverySettings(workers, ratePerSecond, maxAttempts, retryBackoff, errorThreshold, ssl, timeout,
                sslTrust, outage, retryEvery, retryFor);
    }

    public DeliverySettings withRatePerSecond(double rate) {
        return new DeliverySettings(concurrency, rate, maxAttempts, retryBackoff, errorThreshold, ssl, timeout,
                sslTrust, outage, retryEvery, retryFor);
    }

    public DeliverySettings withRetries(int attempts, Duration backoff, int threshold) {
        return new DeliverySettings(concurrency, ratePerSecond, attempts, backoff, threshold, ssl, timeout, sslTrust,
                outage, retryEvery, retryFor);
    }

    public DeliverySettings withSsl(boolean implicitTls, String trustedHosts) {
        return new DeliverySettings(concurrency, ratePerSecond, maxAttempts, retryBackoff, errorThreshold, implicitTls,
                timeout, trustedHosts, outage, retryEvery, retryFor);
    }

    public DeliverySettings withTimeout(Duration t) {
        return new DeliverySettings(concurrency, ratePerSecond, maxAttempts, retryBackoff, errorThreshold, ssl, t,
                sslTrust, outage, retryEvery, retryFor);
    }

    public DeliverySettings withOutage(Duration maxWait, Duration firstProbe, Duration maxProbe) {
        return new DeliverySettings(concurrency, ratePerSecond, maxAttempts, retryBackoff, errorThreshold, ssl, timeout,
                sslTrust, new Outage(maxWait, firstProbe, maxProbe), retryEvery, retryFor);
    }

    /** Reads typed values from the settings map, collecting every problem. */
    static final class Parser {
        private final Map<String, String> values;
        private final List<String> problems = new ArrayList<>();

        Parser(Map<String, String> values) {
            this.values = values;
        }

        double number(String key, double min, double max, double fallback) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                double n = Double.parseDouble(value.strip());
                if (Double.isNaN(n) || n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                problem(key, value, "give a number from " + format(min) + " to " + format(max));
                return fallback;
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            if (!value.strip().equalsIgnoreCase("true") && !value.strip().equalsIgnoreCase("false")) {
                problem(key, value, "write true or false");
                return fallback;
            }
            return value.strip().equalsIgnoreCase("true");
        }

        void throwIfBad() {
            if (!problems.isEmpty()) {
                throw new PaperwireSettings.InvalidSettingsException("Invalid settings:\n  " + String.join("\n  ", problems));
            }
        }

        private void problem(String key, String value, String fix) {
            problems.add(key + " = '" + value + "': " + fix + " (in paperwire.properties, "
                    + PaperwireSettings.environmentName(key) + " or --set " + key + "=…)");
        }

        private static String format(double n) {
            return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
        }
    }
}
