package io.paperwire.deliver;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Date;
import java.util.List;
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


    private final PaperwireSettings settings;
    private final SubscriptionTokens tokens;
    private final Session session;
    private final InternetAddress from;
    private final String unsubscribeBase;

    public MessageFactory(PaperwireSettings settings, SubscriptionTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
        this.session = Session.getInstance(new Properties());
        try {
            this.from = new InternetAddress(settings.mail().from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("paperwire.mail.from: " + e.getMessage(), e);
        }
        this.unsubscribeBase = settings.site().baseUrl().toString().replaceAll("/+$", "") + "/unsubscribe?token=";
    }

    public String unsubscribeUrl(Subscriber subscriber) {
        return unsubscribeUrl(tokens.unsubscribe(subscriber));
    }

    private String unsubscribeUrl(String token) {
        return unsubscribeBase + token;
    }

    /** The issue's message for one subscriber; to mail many, prepare the issue once with {@link #forIssue}. */
    public MimeMessage create(RenderedIssue issue, Subscriber subscriber) throws MessagingException {
        return forIssue(issue).to(subscriber);
    }

    /**
     * @throws MessagingException naming the header when the subject holds a line break
     */
    public IssueMessages forIssue(RenderedIssue issue) throws MessagingException {
        return forIssue(issue, PersonalParts.ForIssue.NONE);
    }

    /**
     * The issue, encoded once (and its short form once, if some reader asked for it), with each subscriber's
     * personal parts spliced in per message.
     *
     * @throws MessagingException naming the header when the subject holds a line break
     */
    public IssueMessages forIssue(RenderedIssue issue, PersonalParts.ForIssue personal) throws MessagingException {
        return new IssueMessages(Edition.of(issue), headerValue("Subject", issue.subject()), personal);
    }

    /**
     * Any edition (a weekly issue, a roundup), encoded once, with no personal parts.
     *
     * @throws MessagingException naming the header when the subject holds a line break
     */
    public IssueMessages forEdition(Edition edition) throws MessagingException {
        return forEdition(edition, PersonalParts.ForIssue.NONE);
    }

    /**
     * Any edition with these personal parts spliced in per message.
     *
     * @throws MessagingException naming the header when the subject holds a line break
     */
    public IssueMessages forEdition(Edition edition, PersonalParts.ForIssue personal) throws MessagingException {
        return new IssueMessages(edition, headerValue("Subject", edition.subject()), personal);
    }

    /** The two encoded parts of one form of the issue. */
    private record Parts(QuotedPrintableTemplate text, QuotedPrintableTemplate html) {
        static Parts of(Edition edition) {
            return new Parts(new QuotedPrintableTemplate(edition.text(), RenderedIssue.SLOTS),
                    new QuotedPrintableTemplate(edition.html(), RenderedIssue.SLOTS));
        }
    }

    /** One edition, encoded once, ready to be addressed to each subscriber. Safe for concurrent use. */
    public final class IssueMessages {
        private final Edition edition;
        private final String messageIdDomain;
        private final List<String> fixedHeaders;
        private final byte[] textHead;
        private final byte[] htmlHead;
        private final byte[] tail;
        private final Parts full;
        private final Parts tldrOnly;
        private final PersonalParts.ForIssue personal;
        private volatile DateHeader date = new DateHeader(0, "");

        private record DateHeader(long second, String line) {}

        private IssueMessages(Edition edition, String subject, PersonalParts.ForIssue personal)
                throws MessagingException {
            this.edition = edition;
            this.personal = personal;
            this.messageIdDomain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
            // "=_" never occurs in quoted-printable output, so the boundary cannot occur in either part.
            String boundary = "----=_Paperwire_" + UUID.randomUUID();
            this.fixedHeaders = fixedHeaders(subject, "multipart/alternative; boundary=\"" + boundary + "\"");
            this.textHead = ascii("--" + boundary + "\r\n" + partHeaders("plain"));
            this.htmlHead = ascii("\r\n--" + boundary + "\r\n" + partHeaders("html"));
            this.full = Parts.of(edition);
            this.tldrOnly = personal.shortIssue().map(Edition::of).map(Parts::of).orElse(full);
            this.tail = ascii("\r\n--" + boundary + "--\r\n");
        }

        public Edition edition() {
            return edition;
        }

        public String messageId(Subscriber subscriber) {
            return new SentMessageId(edition.slug(), subscriber.id()).format(messageIdDomain, tokens);
        }

        public MimeMessage to(Subscriber subscriber) throws MessagingException {
            String token = tokens.unsubscribe(subscriber);
            String unsubscribe = unsubscribeUrl(token);
            String https = headerValue("List-Unsubscribe", "<" + unsubscribe + ">");
            String mailto = headerValue("List-Unsubscribe", "<mailto:" + from.getAddress() + "?subject=unsubscribe%20"
                    + token + ">");
            // Folded by hand, where MimeUtility.fold would (it allocates 16 KB a call): a bare address has no white
            // space to fold at, and the list header's only space is the one after its comma.
            InternetAddress to = new InternetAddress(headerValue("To", subscriber.email()), true);
            List<String> ownHeaders = List.of(dateLine(),
                    "To: " + to,
                    "Message-ID: " + messageId(subscriber),
                    "List-Unsubscribe: " + https + ",\r\n " + mailto);
            PersonalParts.Parts own = personal.of(subscriber);
            return new AddressedMessage(session, from, to, ownHeaders, fixedHeaders,
                    out -> writeBody(out, unsubscribe, own));
        }

        /** Both parts with this subscriber's links and section spliced in: the shared text is copied, not encoded. */
        private void writeBody(OutputStream out, String unsubscribe, PersonalParts.Parts parts) throws IOException {
            Parts form = parts.shortFormat() ? tldrOnly : full;
            String escapedUnsubscribe = escapeHtml(unsubscribe);
            // Each paper's token stands in both parts, twice each: signed once per message.
            java.util.Map<String, String> tokens = new java.util.HashMap<>();
            PersonalParts.Parts own = new PersonalParts.Parts(parts.shortFormat(), parts.html(), parts.text(),
                    parts.preferencesToken(), arxivId -> tokens.computeIfAbsent(arxivId, parts.feedback()::of));
            out.write(textHead);
            form.text().writeTo(out, true, slot -> slotValue(slot, unsubscribe, own));
            out.write(htmlHead);
            form.html().writeTo(out, true, slot -> slotValue(slot, escapedUnsubscribe, own));
            out.write(tail);
        }

        private static Object slotValue(String slot, String unsubscribe, PersonalParts.Parts own) {
            return switch (slot) {
                case RenderedIssue.UNSUBSCRIBE_URL_SLOT -> unsubscribe;
                case RenderedIssue.PREFERENCES_TOKEN_SLOT -> own.preferencesToken();
                case RenderedIssue.PERSONAL_HTML_SLOT -> own.html();
                case RenderedIssue.PERSONAL_TEXT_SLOT -> own.text();
                default -> slot.startsWith(RenderedIssue.FEEDBACK_SLOT_PREFIX)
                        ? own.feedback().of(slot.substring(RenderedIssue.FEEDBACK_SLOT_PREFIX.length(), slot.length() - 2))
                        : "";
            };
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
        private List<String> fixedHeaders(String subject, String contentType) throws MessagingException {
            MimeMessage headers = new MimeMessage(session);
            headers.setFrom(from);
            headers.setSubject(subject, StandardCharsets.UTF_8.name());
            headers.setHeader("List-Id", headerValue("List-Id", "<" + settings.mail().listId() + ">"));
            headers.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            headers.setHeader("MIME-Version", "1.0");
            headers.setHeader("Content-Type", MimeUtility.fold(14, contentType));
            return Collections.list(headers.getAllHeaderLines());
        }
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

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
