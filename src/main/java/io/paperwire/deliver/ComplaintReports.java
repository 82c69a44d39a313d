package io.paperwire.deliver;

import io.paperwire.subscribers.SubscriberStore;
import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the complaint reports (ARF, RFC 5965) that mailbox providers' feedback loops send when a reader marks an issue
 * as spam. A complaint is the plainest way of saying "stop": the subscriber it is about is unsubscribed at once.
 *
 * <p>The report must quote the original message's signed Message-ID ({@link SentMessageId}); providers usually
 * redact the recipient's address, so that signature is what names the subscriber. A {@code not-spam} report, one
 * about someone else's mail or a forged one changes nothing.
 */
public final class ComplaintReports {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintReports.class);

    /** A reader's complaint about a message we sent; {@code feedbackType} is e.g. {@code abuse}. */
    public record Complaint(SentMessageId message, String feedbackType) {}

    private final SubscriptionTokens tokens;

    public ComplaintReports(SubscriptionTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Unsubscribes the subscriber a complaint is about.
     *
     * @return whether {@code report} was a complaint about a message we sent (its mail can be marked read)
     */
    public boolean record(Message report, SubscriberStore subscribers) throws MessagingException, IOException {
        Optional<Complaint> complaint = read(report);
        if (complaint.isEmpty()) {
            return false;
        }
        long subscriberId = complaint.get().message().subscriberId();
        if (subscribers.unsubscribe(subscriberId)) {
            LOG.info("Subscriber {} unsubscribed: a {} complaint about issue {}", subscriberId,
                    complaint.get().feedbackType(), complaint.get().message().issueSlug());
        }
        return true;
    }

    public Optional<Complaint> read(Message message) throws MessagingException, IOException {
        Optional<Multipart> parts = ReportParts.of(message);
        Optional<BodyPart> feedback = parts.isEmpty() ? Optional.empty()
                : ReportParts.first(parts.get(), "message/feedback-report");
        if (feedback.isEmpty()) {
            return Optional.empty();
        }
        String type;
        try (InputStream in = feedback.get().getInputStream()) {
            type = Optional.ofNullable(new InternetHeaders(in).getHeader("Feedback-Type", null)).orElse("")
                    .strip().toLowerCase(Locale.ROOT);
        }
        if (type.isEmpty() || type.equals("not-spam")) {
            return Optional.empty();
        }
        return SentMessageId.quotedIn(parts.get(), tokens).map(id -> new Complaint(id, type));
    }
}
