package io.paperwire.deliver;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.render.RenderStage;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Enumeration;
import java.util.Properties;
import java.util.UUID;

/**
 * Builds the messages of an issue: multipart/alternative (text, then HTML), a stable Message-ID per (issue,
 * subscriber), and the list headers bulk-mail receivers require (List-Id, List-Unsubscribe with an https and a
 * mailto address, RFC 8058 one-click). The unsubscribe link carries the subscriber's signed token, in the header and
 * in both parts. A header value holding CR or LF is refused, never folded into the message.
 *
 * <p>{@link #forIssue} encodes the two parts once per issue; each subscriber's message then costs its headers and
 * the splicing in of its own unsubscribe link (see {@link QuotedPrintableTemplate}).
 */
public final class MessageFactory {

    static {
        JakartaMailTuning.apply();
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final PaperwireSettings settings;
    private final SubscriptionTokens tokens;
    private final Session session;
    private final InternetAddress from;

    public MessageFactory(PaperwireSettings settings, SubscriptionTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.session = Session.getInstance(new Properties());
        try {
            this.from = new InternetAddress(settings.mail().from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("paperwire.mail.from: " + e.getMessage(), e);
        }
    }

    public String unsubscribeUrl(Subscriber subscriber) {
        return unsubscribeUrl(tokens.unsubscribe(subscriber));
    }

    private String unsubscribeUrl(String token) {
        return settings.site().baseUrl().toString().replaceAll("/+$", "") + "/unsubscribe?token=" + token;
    }

    /** The issue's message for one subscriber; to mail many, prepare the issue once with {@link #forIssue}. */
    public MimeMessage create(RenderedIssue issue, Subscriber subscriber) throws MessagingException {
        return forIssue(issue).to(subscriber);
    }

    /**
     * @throws MessagingException naming the header when the subject holds a line break
     */
    public IssueMessages forIssue(RenderedIssue issue) throws MessagingException {
        return new IssueMessages(issue, headerValue("Subject", issue.subject()));
    }

    /** One issue, encoded once, ready to be addressed to each subscriber. Safe for concurrent use. */
    public final class IssueMessages {
        private final RenderedIssue issue;
        private final String messageIdPrefix;
        private final String messageIdSuffix;
        private final byte[] fixedHeaders;
        private final byte[] textHead;
        private final QuotedPrintableTemplate text;
        private final byte[] htmlHead;
        private final QuotedPrintableTemplate html;
        private final byte[] tail;
        private final int sizeHint;
        private volatile DateHeader date = new DateHeader(0, "");

        private record DateHeader(long second, String line) {}

        private IssueMessages(RenderedIssue issue, String subject) throws MessagingException {
            this.issue = issue;
            this.messageIdPrefix = "<paperwire." + issue.issue().slug() + ".";
            this.messageIdSuffix = "@" + from.getAddress().substring(from.getAddress().indexOf('@') + 1) + ">";
            // "=_" never occurs in quoted-printable output, so the boundary cannot occur in either part.
            String boundary = "----=_Paperwire_" + UUID.randomUUID();
            this.fixedHeaders = fixedHeaders(subject, "multipart/alternative; boundary=\"" + boundary + "\"");
            this.textHead = ascii("--" + boundary + "\r\n" + partHeaders("plain"));
            this.text = new QuotedPrintableTemplate(issue.text(), RenderStage.UNSUBSCRIBE_URL);
            this.htmlHead = ascii("\r\n--" + boundary + "\r\n" + partHeaders("html"));
            this.html = new QuotedPrintableTemplate(issue.html(), RenderStage.UNSUBSCRIBE_URL);
            this.tail = ascii("\r\n--" + boundary + "--\r\n");
            this.sizeHint = 2048 + (issue.text().length() + issue.html().length()) * 9 / 8;
        }

        public RenderedIssue issue() {
            return issue;
        }

        public String messageId(Subscriber subscriber) {
            return messageIdPrefix + subscriber.id() + messageIdSuffix;
        }

        public MimeMessage to(Subscriber subscriber) throws MessagingException {
            String token = tokens.unsubscribe(subscriber);
            String unsubscribe = unsubscribeUrl(token);
            MessageBytes bytes = new MessageBytes(sizeHint);
            header(bytes, dateLine());
            header(bytes, "To: " + MimeUtility.fold(4, new InternetAddress(headerValue("To", subscriber.email()), true)
                    .toString()));
            header(bytes, "Message-ID: " + messageId(subscriber));
            header(bytes, "List-Unsubscribe: " + MimeUtility.fold(18, headerValue("List-Unsubscribe", "<" + unsubscribe
                    + ">, <mailto:" + from.getAddress() + "?subject=unsubscribe%20" + token + ">")));
            bytes.writeBytes(fixedHeaders);
            bytes.writeBytes(CRLF);
            bytes.writeBytes(textHead);
            text.writeTo(bytes, unsubscribe);
            bytes.writeBytes(htmlHead);
            html.writeTo(bytes, escapeHtml(unsubscribe));
            bytes.writeBytes(tail);
            // A parsed message is written out as it was read: the parts are not encoded again for each subscriber.
            return new MimeMessage(session, bytes.asInput());
        }

        /** The Date header changes once a second, so it is formatted once a second, not once a message. */
        private String dateLine() {
            long now = System.currentTimeMillis();
            DateHeader current = date;
            if (current.second() != now / 1000) {
                current = new DateHeader(now / 1000, "Date: " + new MailDateFormat().format(new Date(now)));
                date = current;
            }
            return current.line();
        }

        /** The headers every subscriber's message shares, encoded and folded by Jakarta Mail. */
        private byte[] fixedHeaders(String subject, String contentType) throws MessagingException {
            MimeMessage headers = new MimeMessage(session);
            headers.setFrom(from);
            headers.setSubject(subject, StandardCharsets.UTF_8.name());
            headers.setHeader("List-Id", headerValue("List-Id", "<" + settings.mail().listId() + ">"));
            headers.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.setHeader("MIME-Version", "1.0");
            headers.setHeader("Content-Type", MimeUtility.fold(14, contentType));
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            for (Enumeration<String> all = headers.getAllHeaderLines(); all.hasMoreElements(); ) {
                header(lines, all.nextElement());
            }
            return lines.toByteArray();
        }
    }

    /** A message being assembled, read back without a copy of its ~30 KB. */
    private static final class MessageBytes extends ByteArrayOutputStream {
        MessageBytes(int size) {
            super(size);
        }

        SharedByteArrayInputStream asInput() {
            return new SharedByteArrayInputStream(buf, 0, count);
        }
    }

    private static void header(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }

    private static String partHeaders(String subtype) {
        return "Content-Type: text/" + subtype + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @throws MessagingException naming the header when the value holds CR or LF (header injection)
     */
    static String headerValue(String header, String value) throws MessagingException {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new MessagingException("refusing the " + header + " header: its value "
                    + (value == null ? "is missing" : "contains a line break"));
        }
        return value;
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
