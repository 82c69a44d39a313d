package io.paperwire.testing;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reports that come back to the list mailbox, written the way mail servers write them. */
public final class MailReports {

    private MailReports() {}

    /**
     * A delivery-status notification (RFC 3464) as Postfix writes one: a text, the status of the one recipient, and the
     * original's headers as {@code originalType} ({@code text/rfc822-headers}, or {@code message/rfc822} as Exim does).
     *
     * @param finalRecipient the typed address, e.g. {@code rfc822; reader@example.org}
     */
    public static MimeMessage deliveryStatus(String finalRecipient, String action, String status, String originalType,
                                             String originalHeaders) throws Exception {
        return parse(
                "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                "To: newsletter@paperwire.example",
                "Subject: Undelivered Mail Returned to Sender: " + finalRecipient.replaceAll("^.*;\\s*", ""),
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B0UND\"",
                "",
                "--B0UND",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
                "--B0UND",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.org",
                "Arrival-Date: Mon, 20 May 2024 07:00:00 +0000",
                "",
                "Final-Recipient: " + finalRecipient,
                "Action: " + action,
                "Status: " + status,
                "Diagnostic-Code: smtp; 550 5.1.1 Recipient address rejected: User unknown",
                "",
                "--B0UND",
                "Content-Type: " + originalType,
                "",
                originalHeaders,
                "",
                "--B0UND--",
                "");
    }

    /** A spam complaint from a mailbox provider's feedback loop (ARF, RFC 5965), the original's recipient redacted. */
    public static MimeMessage complaint(String feedbackType, String originalMessageId) throws Exception {
        return parse(
                "From: Feedback Loop <fbl@mail.example.net>",
                "To: newsletter@paperwire.example",
                "Subject: Complaint about message from 192.0.2.1",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf\"",
                "",
                "--arf",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "This is an email abuse report for an email message received on 20 May 2024.",
                "--arf",
                "Content-Type: message/feedback-report",
                "",
                "Feedback-Type: " + feedbackType,
                "User-Agent: ExampleFBL/1.0",
                "Version: 1",
                "Original-Mail-From: <newsletter@paperwire.example>",
                "Arrival-Date: Mon, 20 May 2024 07:00:05 +0000",
                "",
                "--arf",
                "Content-Type: message/rfc822",
                "",
                "From: Paperwire <newsletter@paperwire.example>",
                "To: redacted@mail.example.net",
                "Subject: Paperwire 2024-W21",
                "Message-ID: " + originalMessageId,
                "",
                "This week's papers ...",
                "--arf--",
                "");
    }

    private static MimeMessage parse(String... lines) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(String.join("\r\n", lines).getBytes(StandardCharsets.US_ASCII)));
    }
}
