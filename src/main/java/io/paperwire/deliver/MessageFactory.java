package io.paperwire.deliver;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.render.RenderStage;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds the message of one issue for one subscriber: multipart/alternative (text, then HTML), a stable
 * Message-ID per (issue, subscriber), and the list headers bulk-mail receivers require (List-Id, List-Unsubscribe
 * with an https and a mailto address, RFC 8058 one-click). The unsubscribe link carries the subscriber's signed
 * token, in the header and in both parts. A header value holding CR or LF is refused, never folded into the message.
 */
public final class MessageFactory {

    static {
        JakartaMailTuning.apply();
    }

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
        return settings.site().baseUrl().toString().replaceAll("/+$", "") + "/unsubscribe?token="
                + tokens.unsubscribe(subscriber);
    }

    public String messageId(RenderedIssue issue, Subscriber subscriber) {
        String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
        return "<paperwire." + issue.issue().slug() + "." + subscriber.id() + "@" + domain + ">";
    }

    public MimeMessage create(RenderedIssue issue, Subscriber subscriber) throws MessagingException {
        String unsubscribe = unsubscribeUrl(subscriber);
        MimeMessage message = new FixedIdMessage(session, messageId(issue, subscriber));
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(headerValue("To", subscriber.email()), true));
        message.setSubject(headerValue("Subject", issue.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("List-Id", headerValue("List-Id", "<" + settings.mail().listId() + ">"));
        message.setHeader("List-Unsubscribe", headerValue("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:"
                + from.getAddress() + "?subject=unsubscribe%20" + tokens.unsubscribe(subscriber) + ">"));
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(issue.text().replace(RenderStage.UNSUBSCRIBE_URL, unsubscribe), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(issue.html().replace(RenderStage.UNSUBSCRIBE_URL, escapeHtml(unsubscribe)), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
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

    /** Keeps our Message-ID: {@code saveChanges()} would otherwise replace it with a random one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
