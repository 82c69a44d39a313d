package io.paperwire.deliver;

import io.paperwire.common.Progress;
import io.paperwire.common.RateLimiter;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.PersonalisedIssue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a published issue to every active subscriber who has not had it yet (the sample run mails the demo reader
 * when the list is empty).
 *
 * <p>A pending row per (issue, subscriber) is written to the {@link DeliveryLog} before that subscriber's message
 * goes; {@link DeliverySettings#concurrency()} workers take rows, send each message through the {@link Mailer} (each
 * worker reusing its SMTP connection) within the messages-per-second limit, and mark the row sent once the server
 * accepted it. A failure of the server (not of one message) shuts the {@link ServerOutage} gate: every worker waits
 * while one probes the server, and all resume when it answers, without spending the message's attempts; past the
 * outage wait the send stops with the rest pending. A login or certificate refused stops the send at once (no message
 * can go until the settings change). A message's own transient failure is retried with exponential backoff; a
 * recipient the server rejects for good is marked bounced and never retried; once the run has seen
 * {@link DeliverySettings#errorThreshold()} such failures the send pauses. The report counts who is left unsent, from
 * which the run is judged partial.
 */
public final class DeliverStage {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverStage.class);

    private final SubscriberStore subscribers;
    private final DeliveryLog log;
    private final MessageFactory messages;
    private final Mailer mailer;
    private final DeliverySettings settings;
    private final PersonalParts personal;

    public DeliverStage(SubscriberStore subscribers, DeliveryLog log, MessageFactory messages, Mailer mailer,
                        DeliverySettings settings) {
        this(subscribers, log, messages, mailer, settings, PersonalParts.NONE);
    }

    /** @param personal each subscriber's own parts of an issue ("For you", preferences and feedback links) */
    public DeliverStage(SubscriberStore subscribers, DeliveryLog log, MessageFactory messages, Mailer mailer,
                        DeliverySettings settings, PersonalParts personal) {
        this.personal = personal;
        this.subscribers = subscribers;
        this.log = log;
        this.messages = messages;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** The route's step after personalise: the issue with each reader's stored picks. */
    public DeliveryReport deliver(PersonalisedIssue personalised) {
        return deliver(personalised.issue());
    }

    public DeliveryReport deliver(RenderedIssue issue) {
        String slug = issue.issue().slug();
        if (!issue.request().send()) {
            LOG.info("Issue {} published without mailing (--no-send)", slug);
            return new DeliveryReport(issue.request(), slug, 0, 0, 0, 0, 0, 0, "", mailer.describe());
        }
        // The recipients first: a sample run creates its demo reader here, and the personal parts rank every reader.
        List<Subscriber.State> recipients = recipientStates(issue);
        MessageFactory.IssueMessages prepared;
        try {
            prepared = messages.forIssue(issue, personal.prepare(issue));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot mail issue " + slug + ": " + e.getMessage() + "; nothing was sent", e);
        }
        Edition.Report r = send(prepared, recipients);
        return new DeliveryReport(issue.request(), slug, r.subscribers(), r.sent(), r.alreadySent(), r.failed(),
                r.bounced(), r.unsent(), r.paused(), r.mailer());
    }

    /**
     * Mails any edition (a roundup) to the active subscribers who have not had it, exactly as a weekly issue: one row
     * per subscriber in the delivery log under the edition's id, so a rerun sends only what is missing.
     */
    public Edition.Report deliver(Edition edition) {
        MessageFactory.IssueMessages prepared;
        try {
            prepared = messages.forEdition(edition, personal.linksOnly());
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot mail " + edition.slug() + ": " + e.getMessage()
                    + "; nothing was sent", e);
        }
        return send(prepared, List.of(Subscriber.State.ACTIVE));
    }

    private Edition.Report send(MessageFactory.IssueMessages prepared, List<Subscriber.State> recipients) {
        Edition edition = prepared.edition();
        String slug = edition.slug();
        DeliveryLog.Counts before = log.counts(edition.id(), recipients);
        Send send = new Send(prepared, UUID.randomUUID().toString(), recipients);
        send.run();
        DeliveryLog.Counts after = log.counts(edition.id(), recipients);
        int unsent = log.unsent(edition.id(), recipients);
        String paused = send.pausedBecause.get() != null ? send.pausedBecause.get()
                : send.outage.stoppedTheSend() ? outageGaveUp(send.outage, unsent) : "";
        if (!paused.isEmpty()) {
            LOG.warn("Send of {} paused: {}; {} not sent yet", slug, paused, unsent);
        }
        LOG.info("Delivered {} via {}: {} sent, {} already had it, {} failed, {} bounced", slug, mailer.describe(),
                send.sent.get(), before.sent(), send.failed.get(), send.bounced.get());
        return new Edition.Report(slug, after.total(), send.sent.get(), before.sent(), send.failed.get(),
                send.bounced.get(), unsent, paused, mailer.describe());
    }

    private String outageGaveUp(ServerOutage outage, int unsent) {
        return "the SMTP server " + mailer.describe() + " did not answer for " + outage.unreachableFor().toSeconds()
                + " s (paperwire.deliver.outage-wait-minutes=" + settings.outage().maxWait().toSeconds() / 60.0
                + "); last error: " + outage.lastError() + "; " + unsent + " subscriber(s) left pending";
    }

    private List<Subscriber.State> recipientStates(RenderedIssue issue) {
        if (issue.request().sample() && !subscribers.anyInState(Subscriber.State.ACTIVE)) {
            subscribers.demo();
            return List.of(Subscriber.State.DEMO);
        }
        return List.of(Subscriber.State.ACTIVE);
    }

    /** One pass over the unsent rows of an issue by the configured number of workers. */
    private final class Send {
        private final Edition edition;
        private final MessageFactory.IssueMessages messages;
        private final String slug;
        private final DeliveryLog.Claims claims;
        private final RateLimiter rate = RateLimiter.evenly(settings.ratePerSecond());
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger bounced = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicReference<String> pausedBecause = new AtomicReference<>();
        private final ServerOutage outage = new ServerOutage(mailer, settings.outage(), () -> pausedBecause.get() != null);
        private final Progress progress;

        Send(MessageFactory.IssueMessages messages, String runId, List<Subscriber.State> recipients) {
            this.edition = messages.edition();
            this.messages = messages;
            this.slug = edition.slug();
            this.progress = Progress.start("messages sent", log.unsent(edition.id(), recipients));
            this.claims = log.claims(edition.id(), runId, recipients);
        }

        void run() {
            ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
                Thread t = new Thread(r, "deliver-" + slug);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < settings.concurrency(); i++) {
                    running.add(workers.submit(this::work));
                }
                for (Future<?> worker : running) {
                    worker.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pausedBecause.compareAndSet(null, "interrupted");
                throw new IllegalStateException("delivery of " + slug + " was interrupted", e);
            } catch (ExecutionException e) {
                pausedBecause.compareAndSet(null, "a worker failed: " + e.getCause().getMessage());
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } finally {
                // No interrupts: a worker inside H2's file I/O would close the database. The pause flag stops them.
                workers.shutdown();
                try {
                    workers.awaitTermination(settings.timeout().toSeconds() * 2 + 60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                claims.finish();
            }
        }

        private void work() {
            try {
                Optional<DeliveryLog.Claim> claim;
                while (pausedBecause.get() == null && outage.awaitServer() && (claim = claims.next()).isPresent()) {
                    deliver(claim.get());
                    progress.step();
                }
            } finally {
                claims.release();
            }
        }

        private void deliver(DeliveryLog.Claim claim) {
            Subscriber subscriber = claim.subscriber();
            MimeMessage message;
            try {
                message = messages.to(subscriber);
            } catch (MessagingException | RuntimeException e) {
                claim.failed("cannot build the message: " + e.getMessage());
                failed.incrementAndGet();
                LOG.warn("Cannot build issue {} for subscriber {}: {}", slug, subscriber.id(), e.getMessage());
                return;
            }
            String key = slug + "-" + subscriber.id();
            for (int attempt = 1; ; ) {
                try {
                    rate.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pausedBecause.compareAndSet(null, "interrupted");
                    return;
                }
                try {
                    mailer.send(key, message);
                    claim.sent(message.getMessageID());
                    sent.incrementAndGet();
                    return;
                } catch (MessagingException e) {
                    SendFailure kind = SendFailure.classify(e);
                    String error = SendFailure.describe(e);
                    if (kind == SendFailure.RECIPIENT_REJECTED) {
                        claim.bounced(error);
                        bounced.incrementAndGet();
                        LOG.info("Subscriber {} bounced: {}", subscriber.id(), error);
                        return;
                    }
                    if (kind == SendFailure.SERVER_UNAVAILABLE) {
                        ServerOutage.Verdict verdict = outage.serverFailed(error);
                        if (verdict == ServerOutage.Verdict.SERVER_BACK) {
                            continue;
                        }
                        if (verdict == ServerOutage.Verdict.REFUSED) {
                            pausedBecause.compareAndSet(null, setupRefused(outage.lastError()));
                        }
                        if (verdict != ServerOutage.Verdict.SERVER_WAS_UP) {
                            return; // the row stays pending for the next run
                        }
                    }
                    if (!retryAfterOwnFailure(claim, kind, error, attempt)) {
                        return;
                    }
                    attempt++;
                }
            }
        }

        /**
         * This message failed on its own account (or the server failed but answered the probe at once): counts
         * against the error threshold and the message's attempts. True when it should be sent again.
         */
        private boolean retryAfterOwnFailure(DeliveryLog.Claim claim, SendFailure kind, String error, int attempt) {
            int seen = errors.incrementAndGet();
            LOG.warn("Sending {} to subscriber {} failed (attempt {}/{}): {}", slug, claim.subscriber().id(), attempt,
                    settings.maxAttempts(), error);
            if (kind == SendFailure.SETUP_REFUSED) {
                pausedBecause.compareAndSet(null, setupRefused(error));
            }
            if (settings.errorThreshold() > 0 && seen >= settings.errorThreshold()) {
                pausedBecause.compareAndSet(null, seen + " errors reached paperwire.deliver.error-threshold="
                        + settings.errorThreshold() + " (last: " + error + ")");
            }
            if (kind == SendFailure.MESSAGE_REJECTED || attempt >= settings.maxAttempts()
                    || pausedBecause.get() != null || !sleep(settings.backoff(attempt))) {
                claim.failed(error);
                failed.incrementAndGet();
                return false;
            }
            return true;
        }

        private static String setupRefused(String error) {
            return "the SMTP server cannot be used as configured (" + error
                    + "); check paperwire.smtp.* and PAPERWIRE_SMTP_PASSWORD";
        }

        /** Waits for a retry; false when the send was paused or interrupted meanwhile. */
        private boolean sleep(Duration wait) {
            long until = System.nanoTime() + wait.toNanos();
            try {
                while (System.nanoTime() < until) {
                    if (pausedBecause.get() != null) {
                        return false;
                    }
                    Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
