package io.paperwire.deliver;

import io.paperwire.mail.Mailer;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The gate all workers of one send pass: open while the SMTP server answers, closed while it does not. The first
 * worker to see a failure of the server closes it and probes the server ({@link Mailer#probe()}) with growing
 * pauses; the other workers wait at the gate, whether they failed too or were about to send. When a probe succeeds
 * the gate opens and every worker resumes; once the server has not answered for {@link DeliverySettings.Outage#maxWait()}
 * the gate stays shut and the send stops.
 */
final class ServerOutage {

    private static final Logger LOG = LoggerFactory.getLogger(ServerOutage.class);

    /** What a worker that waited at the gate should do next. */
    enum Verdict {
        /** The first probe answered: the server was up all along, so the failure was this message's own. */
        SERVER_WAS_UP,
        /** The server was down and answers again: send the same message again, no attempt spent. */
        SERVER_BACK,
        /** The server refused our login or certificate while probed: stop for the settings. */
        REFUSED,
        /** The server did not answer within the wait, or the send was stopped meanwhile: stop. */
        GAVE_UP
    }

    private final Mailer mailer;
    private final DeliverySettings.Outage settings;
    private final BooleanSupplier stopped;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean down;
    private Verdict lastVerdict = Verdict.SERVER_BACK;
    private Verdict finalVerdict;
    private long downSince;
    private String lastError = "";
    private Duration unreachableFor = Duration.ZERO;

    /** @param stopped true once the send was stopped for another reason: waiting ends */
    ServerOutage(Mailer mailer, DeliverySettings.Outage settings, BooleanSupplier stopped) {
        this.mailer = mailer;
        this.settings = settings;
        this.stopped = stopped;
    }

    /**
     * Called by a worker whose send failed because of the server: probes the server until it answers (if no other
     * worker already does) or waits for the worker that does.
     */
    Verdict serverFailed(String error) {
        lock.lock();
        try {
            if (finalVerdict != null) {
                return finalVerdict;
            }
            lastError = error;
            if (down) {
                return awaitVerdict();
            }
            down = true;
            downSince = System.nanoTime();
        } finally {
            lock.unlock();
        }
        LOG.warn("SMTP server {} failed ({}); all workers pause while it is probed", mailer.describe(), error);
        Verdict verdict = probeUntilAnswered();
        lock.lock();
        try {
            down = false;
            lastVerdict = verdict;
            if (verdict == Verdict.REFUSED || verdict == Verdict.GAVE_UP) {
                finalVerdict = verdict;
                unreachableFor = Duration.ofNanos(System.nanoTime() - downSince);
            }
            changed.signalAll();
            return verdict;
        } finally {
            lock.unlock();
        }
    }

    /** Before each send: waits while the server is down; false when the send must stop. */
    boolean awaitServer() {
        lock.lock();
        try {
            if (!down) {
                return finalVerdict == null;
            }
            Verdict verdict = awaitVerdict();
            return verdict == Verdict.SERVER_BACK || verdict == Verdict.SERVER_WAS_UP;
        } finally {
            lock.unlock();
        }
    }

    /** True once the send stopped at this gate. */
    boolean stoppedTheSend() {
        lock.lock();
        try {
            return finalVerdict != null;
        } finally {
            lock.unlock();
        }
    }

    /** The last error of the server (or of the probe that was refused). */
    String lastError() {
        lock.lock();
        try {
            return lastError;
        } finally {
            lock.unlock();
        }
    }

    /** How long the server had not answered when the send gave up waiting. */
    Duration unreachableFor() {
        lock.lock();
        try {
            return unreachableFor;
        } finally {
            lock.unlock();
        }
    }

    private Verdict awaitVerdict() {
        try {
            while (down) {
                changed.await(1, TimeUnit.SECONDS);
            }
            return finalVerdict != null ? finalVerdict : lastVerdict;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.GAVE_UP;
        }
    }

    private Verdict probeUntilAnswered() {
        long deadline = downSince + settings.maxWait().toNanos();
        for (int probe = 0; ; probe++) {
            if (probe > 0) {
                long pause = Math.min(settings.beforeProbe(probe).toNanos(), deadline - System.nanoTime());
                if (pause <= 0 || !pause(pause)) {
                    return Verdict.GAVE_UP;
                }
            }
            try {
                mailer.probe();
                if (probe > 0) {
                    LOG.info("SMTP server {} answers again after {} s; all workers resume", mailer.describe(),
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSince));
                }
                return probe == 0 ? Verdict.SERVER_WAS_UP : Verdict.SERVER_BACK;
            } catch (MessagingException e) {
                String error = SendFailure.describe(e);
                lock.lock();
                try {
                    lastError = error;
                } finally {
                    lock.unlock();
                }
                if (SendFailure.classify(e) == SendFailure.SETUP_REFUSED) {
                    return Verdict.REFUSED;
                }
                LOG.info("SMTP server {} still unavailable (probe {}: {})", mailer.describe(), probe + 1, error);
            }
        }
    }

    /** Sleeps, waking early when the send is stopped for another reason; false then. */
    private boolean pause(long nanos) {
        long until = System.nanoTime() + nanos;
        try {
            while (System.nanoTime() < until) {
                if (stopped.getAsBoolean()) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.MILLISECONDS.toNanos(100), until - System.nanoTime()));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
