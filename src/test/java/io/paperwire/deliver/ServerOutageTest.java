package io.paperwire.deliver;

import io.paperwire.mail.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate of one send: one worker probes, all wait, all resume or all stop. */
class ServerOutageTest {

    /** A mailer whose probe fails {@code failures} times (refused connection), then answers. */
    private static final class ProbedServer implements Mailer {
        final AtomicInteger probes = new AtomicInteger();
        final int failures;
        final MessagingException failure;
        /** The first probe waits until every worker has reported its failure. */
        final CountDownLatch arrived;

        ProbedServer(int failures, MessagingException failure) {
            this(failures, failure, new CountDownLatch(0));
        }

        ProbedServer(int failures, MessagingException failure, CountDownLatch arrived) {
            this.failures = failures;
            this.failure = failure;
            this.arrived = arrived;
        }

        @Override
        public String describe() {
            return "smtp mail.example.org:587";
        }

        @Override
        public void send(String key, MimeMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void probe() throws MessagingException {
            try {
                arrived.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (probes.incrementAndGet() <= failures) {
                throw failure;
            }
        }

        @Override
        public void close() {
        }
    }

    private static MessagingException refused() {
        return new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
    }

    private static DeliverySettings.Outage waitingUpTo(Duration maxWait) {
        return new DeliverySettings.Outage(maxWait, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    @Test
    void allWorkersWaitForTheOneProberAndResumeTogetherWhenTheServerAnswers() throws Exception {
        CountDownLatch arrived = new CountDownLatch(4);
        ProbedServer server = new ProbedServer(5, refused(), arrived);
        ServerOutage outage = new ServerOutage(server, waitingUpTo(Duration.ofSeconds(30)), () -> false);

        List<CompletableFuture<ServerOutage.Verdict>> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(CompletableFuture.supplyAsync(() -> {
                arrived.countDown();
                return outage.serverFailed("421 4.3.2 closing");
            }));
        }

        for (CompletableFuture<ServerOutage.Verdict> worker : workers) {
            assertThat(worker.get(10, TimeUnit.SECONDS)).isEqualTo(ServerOutage.Verdict.SERVER_BACK);
        }
        assertThat(server.probes.get()).as("probed by one worker until it answered, not by each")
                .isEqualTo(6);
        assertThat(outage.awaitServer()).isTrue();
        assertThat(outage.stoppedTheSend()).isFalse();
    }

    @Test
    void aServerThatAnswersTheFirstProbeWasUpAllAlong() {
        ServerOutage outage = new ServerOutage(new ProbedServer(0, refused()), waitingUpTo(Duration.ofSeconds(30)),
                () -> false);

        assertThat(outage.serverFailed("Read timed out")).isEqualTo(ServerOutage.Verdict.SERVER_WAS_UP);
    }

    @Test
    void pastTheWaitTheGateStaysShutNamingTheLastError() {
        ServerOutage outage = new ServerOutage(new ProbedServer(Integer.MAX_VALUE, refused()),
                waitingUpTo(Duration.ofMillis(300)), () -> false);

        assertThat(outage.serverFailed("421 4.3.2 closing")).isEqualTo(ServerOutage.Verdict.GAVE_UP);
        assertThat(outage.awaitServer()).isFalse();
        assertThat(outage.stoppedTheSend()).isTrue();
        assertThat(outage.unreachableFor()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(outage.lastError()).contains("Connection refused");
        assertThat(outage.serverFailed("again")).as("a later failure does not start a new wait")
                .isEqualTo(ServerOutage.Verdict.GAVE_UP);
    }

    @Test
    void aLoginRefusedWhileProbingStopsAtOnce() {
        ServerOutage outage = new ServerOutage(new ProbedServer(Integer.MAX_VALUE,
                new AuthenticationFailedException("535 5.7.8 Authentication failed")),
                waitingUpTo(Duration.ofMinutes(15)), () -> false);

        assertThat(outage.serverFailed("Connection reset")).isEqualTo(ServerOutage.Verdict.REFUSED);
        assertThat(outage.lastError()).contains("535");
    }

    @Test
    void aSendStoppedForAnotherReasonEndsTheWait() {
        AtomicBoolean stopped = new AtomicBoolean(true);
        ServerOutage outage = new ServerOutage(new ProbedServer(Integer.MAX_VALUE, refused()),
                waitingUpTo(Duration.ofMinutes(15)), stopped::get);

        assertThat(outage.serverFailed("421")).isEqualTo(ServerOutage.Verdict.GAVE_UP);
    }
}
