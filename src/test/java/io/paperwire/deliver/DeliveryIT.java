package io.paperwire.deliver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriptionTokens;
import io.paperwire.testing.Eml;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** SMTP delivery against GreenMail: exactly once, all the headers bulk mail needs, restarts and rejections. */
class DeliveryIT {

    static final Pattern UNSUBSCRIBE = Pattern.compile(Pattern.quote(DeliveryFixture.BASE_URL) + "/unsubscribe\\?token=([A-Za-z0-9._-]+)");

    @TempDir
    Path home;

    GreenMail greenMail;
    DeliveryFixture fixture;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        fixture = new DeliveryFixture(home, Map.of());
    }

    @AfterEach
    void stop() {
        fixture.close();
        greenMail.stop();
    }

    static DeliverySettings fast() {
        return DeliverySettings.defaults().withRetries(3, Duration.ofMillis(20), 10).withTimeout(Duration.ofSeconds(10))
                .withOutage(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(500));
    }

    private static Map<String, List<MimeMessage>> byRecipient(MimeMessage[] messages) {
        return Arrays.stream(messages).collect(Collectors.groupingBy(DeliveryIT::recipient));
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
            return to[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyOneOfAThousandSubscribersGetsExactlyOneMessageWithEveryListHeader() throws Exception {
        fixture.addSubscribers(0, 1000);
        RenderedIssue issue = fixture.publishIssue(1, 4000);

        DeliveryReport report;
        try (Mailer mailer = fixture.smtp(greenMail.getSmtp().getPort(), fast())) {
            report = fixture.stage(mailer, fast()).deliver(issue);
        }

        assertThat(report.sent()).isEqualTo(1000);
        assertThat(report.failed()).isZero();
        assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(1000);
        Map<String, List<MimeMessage>> received = byRecipient(greenMail.getReceivedMessages());
        assertThat(received).hasSize(1000);
        assertThat(received.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        for (int n = 0; n < 1000; n += 37) {
            Subscriber subscriber = fixture.subscriber(n);
            MimeMessage message = received.get(DeliveryFixture.address(n)).get(0);
            assertThat(message.getHeader("From", null)).isEqualTo("Paperwire <newsletter@paperwire.example>");
            assertThat(message.getSubject()).isEqualTo(issue.subject());
            assertThat(message.getSentDate()).isNotNull();
            assertThat(message.getHeader("Message-ID", null))
                    .isEqualTo(new SentMessageId("2024-W21", subscriber.id()).format("paperwire.example", fixture.tokens));
            assertThat(message.getHeader("List-Id", null)).isEqualTo("<weekly.paperwire.example>");
            String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
            assertThat(listUnsubscribe).startsWith("<" + DeliveryFixture.BASE_URL + "/unsubscribe?token=")
                    .contains("<mailto:newsletter@paperwire.example?subject=unsubscribe%20");
            assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            String ownToken = token(listUnsubscribe);
            assertThat(fixture.tokens.verify(ownToken, SubscriptionTokens.Purpose.UNSUBSCRIBE, subscriber)).isTrue();
            assertThat(token(Eml.part(message, "text/plain"))).isEqualTo(ownToken);
            assertThat(token(Eml.part(message, "text/html"))).isEqualTo(ownToken);
        }
        String messageIdInLog = fixture.database.queryOne("SELECT message_id FROM deliveries WHERE issue_id = ? AND subscriber_id = ?",
                row -> row.getString(1), issue.issueId(), fixture.subscriber(5).id()).orElseThrow();
        assertThat(messageIdInLog).isEqualTo(received.get(DeliveryFixture.address(5)).get(0).getMessageID());
    }

    private static String token(String text) {
        Matcher m = UNSUBSCRIBE.matcher(text);
        assertThat(m.find()).as("an unsubscribe link in %s", text.length() > 200 ? text.substring(text.length() - 200) : text).isTrue();
        return m.group(1);
    }

    @Test
    void aServerThatStopsAfter400IsResumedByTheNextRunWithTheOther600AndNoDuplicate() throws Exception {
        fixture.addSubscribers(0, 1000);
        RenderedIssue issue = fixture.publishIssue(1, 4000);
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort());
             Mailer mailer = fixture.smtp(server.port(), fast())) {
            server.stopAfter(400);

            DeliveryReport first = fixture.stage(mailer, fast()).deliver(issue);

            assertThat(server.accepted()).isEqualTo(400);
            assertThat(first.sent()).isEqualTo(400);
            assertThat(first.isPaused()).isTrue();
            assertThat(first.paused()).contains("did not answer").contains("600 subscriber(s) left pending");
            assertThat(first.unsent()).isEqualTo(600);
            assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(400);

            server.restart();
            DeliveryReport second = fixture.stage(mailer, fast()).deliver(issue);

            assertThat(second.sent()).isEqualTo(600);
            assertThat(second.alreadySent()).isEqualTo(400);
            assertThat(second.isPaused()).isFalse();
        }
        Map<String, List<MimeMessage>> received = byRecipient(greenMail.getReceivedMessages());
        assertThat(received).hasSize(1000);
        assertThat(received.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(1000);
    }

    @Test
    void aRecipientRejectedWith550IsMarkedBouncedNotRetriedAndEveryoneElseIsDelivered() throws Exception {
        fixture.addSubscribers(0, 50);
        RenderedIssue issue = fixture.publishIssue(1, 2000);
        Subscriber rejected = fixture.subscriber(17);
        try (FaultySmtpProxy server = new FaultySmtpProxy(greenMail.getSmtp().getPort());
             Mailer mailer = fixture.smtp(server.port(), fast())) {
            server.rejectRecipient(rejected.email());

            DeliveryReport report = fixture.stage(mailer, fast()).deliver(issue);

            assertThat(report.sent()).isEqualTo(49);
            assertThat(report.bounced()).isEqualTo(1);
            assertThat(report.isPaused()).isFalse();
        }
        assertThat(fixture.subscriber(17).state()).isEqualTo(Subscriber.State.BOUNCED);
        Map<String, Object> row = fixture.database.queryOne("SELECT state, attempts, last_error FROM deliveries"
                + " WHERE issue_id = ? AND subscriber_id = ?", r -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("state", r.getString(1));
                    m.put("attempts", r.getInt(2));
                    m.put("error", r.getString(3));
                    return m;
                }, issue.issueId(), rejected.id()).orElseThrow();
        assertThat(row).containsEntry("state", "bounced").containsEntry("attempts", 1);
        assertThat((String) row.get("error")).contains("550");
        Map<String, List<MimeMessage>> received = byRecipient(greenMail.getReceivedMessages());
        assertThat(received).hasSize(49).doesNotContainKey(rejected.email());

        RenderedIssue next = fixture.publishIssue(2, 2000);
        try (Mailer mailer = fixture.smtp(greenMail.getSmtp().getPort(), fast())) {
            assertThat(fixture.stage(mailer, fast()).deliver(next).sent()).isEqualTo(49);
        }
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(DeliveryIT::recipient))
                .doesNotContain(rejected.email());
    }

    @Test
    void aSecondRunAfterACompleteSendSendsNothing() throws Exception {
        fixture.addSubscribers(0, 20);
        RenderedIssue issue = fixture.publishIssue(1, 1000);
        try (Mailer mailer = fixture.smtp(greenMail.getSmtp().getPort(), fast())) {
            fixture.stage(mailer, fast()).deliver(issue);
            DeliveryReport again = fixture.stage(mailer, fast()).deliver(issue);
            assertThat(again.sent()).isZero();
            assertThat(again.alreadySent()).isEqualTo(20);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(20);
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(DeliveryIT::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).values()).containsOnly(1L);
    }
}
