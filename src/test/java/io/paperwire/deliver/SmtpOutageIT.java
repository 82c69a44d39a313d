package io.paperwire.deliver;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SMTP server that answers 421 to everything for a while in the middle of a send: the workers wait for it and
 * resume without spending the messages' attempts; an outage longer than the wait leaves the rest pending for the
 * next run.
 */
class SmtpOutageIT {

    private static final int SUBSCRIBERS = 300;

    @TempDir
    Path home;

    /** A fresh server per test (GreenMail's own JUnit extension starts and stops it). */
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    DeliveryFixture fixture;

    @BeforeEach
    void start() {
        fixture = new DeliveryFixture(home, Map.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** The shipped retry settings (3 attempts, 1 s then 2 s): before, they were spent inside a 4 s outage. */
    private static DeliverySettings settings(Duration outageWait) {
        return DeliverySettings.defaults().withTimeout(Duration.ofSeconds(10))
                // Probes 1 s apart at most (30 s in production), so the test ends soon after the server is back.
                .withOutage(outageWait, Duration.ofMillis(250), Duration.ofSeconds(1));
    }

    @Test
    void aServerDownFor20SecondsMidSendIsWaitedOutAndEveryoneGetsExactlyOneMessage() throws Exception {
        fixture.addSubscribers(0, SUBSCRIBERS);
        RenderedIssue issue = fixture.publishIssue(1, 3000);
        DeliverySettings delivery = settings(Duration.ofMinutes(1));
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort());
             Mailer mailer = fixture.smtp(server.port(), delivery)) {
            server.outageAfter(100);
            CompletableFuture<Void> outage = CompletableFuture.runAsync(() -> {
                awaitDown(server);
                sleep(Duration.ofSeconds(20));
                server.recover();
            });

            DeliveryReport report = fixture.stage(mailer, delivery).deliver(issue);

            outage.get(1, TimeUnit.MINUTES);
            assertThat(report.sent()).isEqualTo(SUBSCRIBERS);
            assertThat(report.failed()).isZero();
            assertThat(report.unsent()).isZero();
            assertThat(report.isPaused()).as(report.paused()).isFalse();
            assertThat(server.accepted()).isEqualTo(SUBSCRIBERS);
        }
        assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(SUBSCRIBERS);
        assertExactlyOneMessageEach();
    }

    @Test
    void anOutageLongerThanTheWaitLeavesTheRestPendingAndTheNextRunSendsOnlyThem() throws Exception {
        fixture.addSubscribers(0, SUBSCRIBERS);
        RenderedIssue issue = fixture.publishIssue(1, 3000);
        DeliverySettings delivery = settings(Duration.ofSeconds(2));
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort());
             Mailer mailer = fixture.smtp(server.port(), delivery)) {
            server.outageAfter(100);

            DeliveryReport first = fixture.stage(mailer, delivery).deliver(issue);

            assertThat(first.sent()).isEqualTo(100);
            assertThat(first.unsent()).isEqualTo(SUBSCRIBERS - 100);
            assertThat(first.isPartial()).isTrue();
            assertThat(first.failed()).as("an outage spends no message's attempts").isZero();
            assertThat(first.paused()).contains("smtp 127.0.0.1:" + server.port()).contains("did not answer for")
                    .contains("421").contains("200 subscriber(s) left pending");
            assertThat(fixture.deliveries(issue.issueId(), "failed")).isZero();
            assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(100);

            server.recover();
            DeliveryReport second = fixture.stage(mailer, delivery).deliver(issue);

            assertThat(second.sent()).isEqualTo(SUBSCRIBERS - 100);
            assertThat(second.alreadySent()).isEqualTo(100);
            assertThat(second.isPartial()).isFalse();
        }
        assertExactlyOneMessageEach();
    }

    @Test
    void aTransientRefusalOfOneRecipientSpendsThatMessagesAttemptsOnly() throws Exception {
        fixture.addSubscribers(0, 20);
        RenderedIssue issue = fixture.publishIssue(1, 2000);
        DeliverySettings delivery = settings(Duration.ofSeconds(2)).withRetries(2, Duration.ofMillis(10), 0);
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort());
             Mailer mailer = fixture.smtp(server.port(), delivery)) {
            server.deferRecipient(DeliveryFixture.address(7));

            DeliveryReport report = fixture.stage(mailer, delivery).deliver(issue);

            assertThat(report.sent()).isEqualTo(19);
            assertThat(report.failed()).isEqualTo(1);
            assertThat(report.unsent()).isEqualTo(1);
            assertThat(report.isPaused()).isFalse();
            assertThat(server.deferrals()).as("both attempts of that one message").isEqualTo(2);
        }
        assertThat(fixture.database.queryOne("SELECT state FROM deliveries WHERE issue_id = ? AND subscriber_id = ?",
                row -> row.getString("state"), issue.issueId(), fixture.subscriber(7).id())).contains("failed");
    }

    private void assertExactlyOneMessageEach() {
        Map<String, Long> perRecipient = Arrays.stream(greenMail.getReceivedMessages())
                .map(CrashRecoveryIT::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perRecipient).hasSize(SUBSCRIBERS);
        assertThat(perRecipient.values()).containsOnly(1L);
    }

    private static void awaitDown(FaultySmtpProxy server) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.isDown()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the send never reached the outage");
            }
            sleep(Duration.ofMillis(5));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
