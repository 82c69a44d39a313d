package io.paperwire.deliver;

import io.paperwire.subscribers.SubscriptionTokens;
import io.paperwire.testing.MailReports;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Which delivery-status notifications count as a permanent bounce of a message Paperwire sent. */
class BounceReportsTest {

    final SubscriptionTokens tokens = new SubscriptionTokens(DeliveryFixture.SECRET.getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC());
    final BounceReports reports = new BounceReports(tokens);
    final String ours = new SentMessageId("2024-W21", 42).format("paperwire.example", tokens);

    @Test
    void aSignedMessageIdReadsBackAsItsIssueAndSubscriberAndAnAlteredOneDoesNot() {
        assertThat(SentMessageId.parse(ours, tokens)).contains(new SentMessageId("2024-W21", 42));
        assertThat(SentMessageId.parse(ours.replace(".42.", ".43."), tokens)).isEmpty();
        assertThat(SentMessageId.parse(ours.replace("2024-W21", "2024-W22"), tokens)).isEmpty();
        assertThat(SentMessageId.parse("<CAF=abc@mail.gmail.com>", tokens)).isEmpty();
        assertThat(SentMessageId.parse(null, tokens)).isEmpty();
        SubscriptionTokens otherSecret = new SubscriptionTokens("another-secret-0123456789".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        assertThat(SentMessageId.parse(ours, otherSecret)).isEmpty();
    }

    @Test
    void aPermanentFailureQuotingOurMessageInAReturnedMessagePartIsABounce() throws Exception {
        // Exim returns the original as message/rfc822 (headers only), with the recipient in angle brackets.
        var bounce = reports.read(report("message/rfc822", "Message-ID: " + ours, "failed", "5.2.1",
                "rfc822; <Reader42@Example.org>"));

        assertThat(bounce).isPresent();
        assertThat(bounce.get().message()).isEqualTo(new SentMessageId("2024-W21", 42));
        assertThat(bounce.get().recipients()).isEqualTo(List.of("reader42@example.org"));
        assertThat(bounce.get().describe()).startsWith("bounced later: 5.2.1 smtp; 550");
    }

    @Test
    void delaysTemporaryFailuresAndReportsWithoutOurMessageIdAreNoBounce() throws Exception {
        String headers = "Message-ID: " + ours;
        assertThat(reports.read(report("text/rfc822-headers", headers, "delayed", "4.4.7", "rfc822; r@example.org"))).isEmpty();
        assertThat(reports.read(report("text/rfc822-headers", headers, "failed", "4.4.7", "rfc822; r@example.org"))).isEmpty();
        assertThat(reports.read(report("text/rfc822-headers", headers, "delivered", "2.0.0", "rfc822; r@example.org"))).isEmpty();
        assertThat(reports.read(report("text/rfc822-headers", "Message-ID: <x@elsewhere.example>", "failed", "5.1.1",
                "rfc822; r@example.org"))).isEmpty();
        assertThat(reports.read(report("text/plain", headers, "failed", "5.1.1", "rfc822; r@example.org")))
                .as("no original headers to take the Message-ID from").isEmpty();
    }

    @Test
    void aMailThatIsNoReportIsNoBounce() throws Exception {
        MimeMessage plain = new MimeMessage(Session.getInstance(new Properties()));
        plain.setText("Message-ID: " + ours + "\nAction: failed\nStatus: 5.1.1");
        plain.saveChanges();

        assertThat(reports.read(plain)).isEmpty();
    }

    /** The shared report, with the argument order these cases read best in. */
    private static MimeMessage report(String originalType, String originalHeaders, String action,
                                      String status, String finalRecipient) throws Exception {
        return MailReports.deliveryStatus(finalRecipient, action, status, originalType,
                "From: Paperwire <newsletter@paperwire.example>\r\n" + originalHeaders + "\r\nSubject: Paperwire 2024-W21");
    }
}
