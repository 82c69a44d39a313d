package io.paperwire.deliver;

import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-ID of an issue sent to one subscriber: {@code <paperwire.<issue>.<subscriber>.<signature>@<domain>>}.
 * It is the same for every attempt (a resend after a crash carries it again, so receivers can drop the copy), and
 * signed with the server secret, so a bounce report quoting it can be trusted to name a message we sent: anyone can
 * write a bounce report, but not a Message-ID for a subscriber they choose.
 */
public record SentMessageId(String issueSlug, long subscriberId) {

    private static final Pattern FORM = Pattern.compile(
            "<?paperwire\\.([0-9A-Za-z-]{1,40})\\.(\\d{1,18})\\.([A-Za-z0-9_-]{22})@[^>\\s]{1,255}>?");

    public String format(String domain, SubscriptionTokens tokens) {
        return "<paperwire." + issueSlug + "." + subscriberId + "." + tokens.messageSignature(issueSlug, subscriberId)
                + "@" + domain + ">";
    }

    /**
     * The message of ours a report ({@code multipart/report}: a bounce, a complaint) is about: the Message-ID in its
     * copy of the original's headers ({@code text/rfc822-headers} or {@code message/rfc822}), if genuine.
     */
    public static Optional<SentMessageId> quotedIn(Multipart report, SubscriptionTokens tokens)
            throws MessagingException, IOException {
        Optional<BodyPart> original = ReportParts.first(report, "text/rfc822-headers", "message/rfc822");
        if (original.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = original.get().getInputStream()) {
            return parse(new InternetHeaders(in).getHeader("Message-ID", null), tokens);
        }
    }

    /** The issue and subscriber a Message-ID of ours names; empty for any other, or one whose signature is wrong. */
    public static Optional<SentMessageId> parse(String messageId, SubscriptionTokens tokens) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(messageId.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        SentMessageId id = new SentMessageId(m.group(1), Long.parseLong(m.group(2)));
        return tokens.verifyMessageSignature(id.issueSlug(), id.subscriberId(), m.group(3)) ? Optional.of(id)
                : Optional.empty();
    }
}
