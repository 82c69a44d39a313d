package io.paperwire.deliver;

import io.paperwire.common.Backoff;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;

import java.time.Duration;
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
            return new Backoff(firstProbe, maxProbe, false).delay(probe);
        }
    }

    /** The bundled defaults of {@code application.properties}, for tests and tools. */
    public static DeliverySettings defaults() {
        return from(PaperwireSettings.bundledDefaults());
    }

    /**
     * @throws PaperwireSettings.InvalidSettingsException naming each bad key, its value and how to fix it
     */
    public static DeliverySettings from(PaperwireSettings settings) {
        return from(settings.values());
    }

    private static DeliverySettings from(Map<String, String> values) {
        return SettingsReader.checked(values, r -> read(r));
    }

    /** Reads {@code paperwire.deliver.*} and the SMTP connection's own keys, adding every problem to {@code r}. */
    public static DeliverySettings read(SettingsReader r) {
        return new DeliverySettings(
                r.integer("paperwire.deliver.concurrency", 1, 6),
                r.decimal("paperwire.deliver.rate-per-second", 0, 100_000),
                r.integer("paperwire.deliver.max-attempts", 1, 20),
                Duration.ofMillis(r.integer("paperwire.deliver.retry-backoff-millis", 0, 60_000)),
                r.integer("paperwire.deliver.error-threshold", 0, 1_000_000),
                r.bool("paperwire.smtp.ssl"),
                Duration.ofSeconds(r.integer("paperwire.smtp.timeout-seconds", 1, 600)),
                r.text("paperwire.smtp.ssl-trust"),
                new Outage(minutes(r.decimal("paperwire.deliver.outage-wait-minutes", 0.01, 24 * 60)),
                        Outage.FIRST_PROBE, Outage.MAX_PROBE),
                minutes(r.decimal("paperwire.deliver.retry-minutes", 0.01, 24 * 60)),
                minutes(r.decimal("paperwire.deliver.retry-hours", 0, 24 * 30) * 60));
    }

    /** Fractions allowed (0.05 is three seconds), so that tests can wait seconds where operators wait minutes. */
    private static Duration minutes(double minutes) {
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        return new Backoff(retryBackoff, MAX_BACKOFF, false).delay(retry);
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
}
