package io.paperwire.deliver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A sending process killed with {@code kill -9} mid-send loses nothing and duplicates nothing. */
class CrashRecoveryIT {

    @TempDir
    Path home;

    @Test
    void aSenderKilledMidSendIsCompletedByTheNextRunWithExactlyOneMessageEach() throws Exception {
        RenderedIssue issue;
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, 300);
            issue = fixture.publishIssue(1, 3000);
        }
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort())) {
            // After 120 accepted messages the server answers nothing more: both workers of the sender end up
            // waiting for the server with a message in flight, and that is when the process is killed.
            server.stallAfter(120);
            Path output = home.resolve("sender.log");
            Process sender = SendProcess.command(false, home.toString(), String.valueOf(server.port()), "2")
                    .redirectOutput(output.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(server.accepted() == 120 && server.stalled() == 2)) {
                assertThat(sender.isAlive()).as("sender still running; its output:\n%s", read(output)).isTrue();
                assertThat(System.nanoTime()).as("the sender reached the stall in time").isLessThan(deadline);
                Thread.sleep(10);
            }
            // No wait for the group commit: the journal has every accepted message the moment it is accepted.
            Process kill = new ProcessBuilder("kill", "-9", String.valueOf(sender.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sender.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sender.exitValue()).isEqualTo(137);
            assertThat(read(output)).doesNotContain("SENT ");
            server.dropStalled();

            try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
                 Mailer mailer = fixture.smtp(server.port(), DeliveryIT.fast())) {
                DeliverStage stage = fixture.stage(mailer, DeliveryIT.fast());
                assertThat(fixture.deliveries(issue.issueId(), "sent")).as("recorded once the log is opened")
                        .isEqualTo(120);

                DeliveryReport rerun = stage.deliver(issue);

                assertThat(rerun.sent()).isEqualTo(180);
                assertThat(rerun.alreadySent()).isEqualTo(120);
                assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(300);
            }
            Map<String, Long> perRecipient = Arrays.stream(greenMail.getReceivedMessages())
                    .map(CrashRecoveryIT::recipient)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perRecipient).hasSize(300);
            assertThat(perRecipient.values()).containsOnly(1L);
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void aFastSendKilledAtRandomPointsResendsAtMostTheMessagesInFlightEachWithItsFirstMessageId() throws Exception {
        int subscribers = 1_000;
        int workers = 4;
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, subscribers);
        }
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort())) {
            for (int round = 1; round <= 5; round++) {
                RenderedIssue issue;
                try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
                    issue = fixture.publishIssue(round, 3000);
                }
                greenMail.purgeEmailFromAllMailboxes();
                int before = server.accepted();
                int killAfter = 1 + random.nextInt(subscribers - 100);
                String round_ = "round " + round + " (seed " + seed + ", kill after " + killAfter + " accepted)";

                Path output = home.resolve("sender-" + round + ".log");
                Process sender = SendProcess.command(false, home.toString(), String.valueOf(server.port()),
                        String.valueOf(workers)).redirectOutput(output.toFile()).start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (server.accepted() - before < killAfter) {
                    assertThat(sender.isAlive()).as("%s: sender still running; its output:\n%s", round_, read(output))
                            .isTrue();
                    assertThat(System.nanoTime()).as("%s: the sender got there in time", round_).isLessThan(deadline);
                    Thread.onSpinWait();
                }
                sender.destroyForcibly(); // SIGKILL
                assertThat(sender.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(read(output)).as(round_).doesNotContain("SENT ");
                int acceptedBeforeTheKill = server.accepted() - before;

                DeliveryReport rerun;
                try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
                     Mailer mailer = fixture.smtp(server.port(), DeliveryIT.fast())) {
                    rerun = fixture.stage(mailer, DeliveryIT.fast()).deliver(issue);
                    assertThat(fixture.deliveries(issue.issueId(), "sent")).as(round_).isEqualTo(subscribers);
                }

                Map<String, List<String>> idsPerRecipient = Arrays.stream(greenMail.getReceivedMessages())
                        .collect(Collectors.groupingBy(CrashRecoveryIT::recipient,
                                Collectors.mapping(CrashRecoveryIT::messageId, Collectors.toList())));
                assertThat(idsPerRecipient).as(round_).hasSize(subscribers);
                long duplicates = idsPerRecipient.values().stream().mapToLong(ids -> ids.size() - 1).sum();
                System.out.printf("CrashRecoveryIT %s: %d accepted before the kill, %d resent%n", round_,
                        acceptedBeforeTheKill, duplicates);
                assertThat(duplicates).as("%s: messages sent twice (%d accepted before the kill)", round_,
                        acceptedBeforeTheKill).isLessThanOrEqualTo(workers);
                assertThat(rerun.sent()).as(round_).isEqualTo(subscribers - acceptedBeforeTheKill + duplicates);
                idsPerRecipient.forEach((recipient, ids) -> assertThat(ids).as("%s: Message-IDs to %s", round_,
                        recipient).containsOnly(ids.get(0)));
            }
        } finally {
            greenMail.stop();
        }
    }

    static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(MimeMessage.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
