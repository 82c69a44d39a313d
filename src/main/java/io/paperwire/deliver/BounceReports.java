package io.paperwire.deliver;

import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetHeaders;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the delivery-status notifications (RFC 3464) that come back to the From address when a relay accepted an
 * issue and then could not deliver it: most relays accept first and bounce later, so the 5xx that marks a subscriber
 * bounced during the send (see {@link DeliverStage}) never comes.
 *
 * <p>Only a permanent failure ({@code Action: failed}, {@code Status: 5.x.x}) of a message we sent counts: the report
 * must quote the original message's signed Message-ID ({@link SentMessageId}), and name the subscriber's address as
 * its final or original recipient. A delay, a temporary failure, a report about someone else's mail or a forged one
 * yields nothing.
 */
public final class BounceReports {

    /** A message of ours that its recipient's server gave up on for good. */
    public record Bounce(SentMessageId message, List<String> recipients, String status, String diagnostic) {

        /** What the delivery log keeps as the row's last error. */
        public String describe() {
            return "bounced later: " + status + (diagnostic.isEmpty() ? "" : " " + diagnostic);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BounceReports.class);

    private final SubscriptionTokens tokens;

    public BounceReports(SubscriptionTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * Marks the subscriber of a permanent failure bounced in the delivery log.
     *
     * @return whether {@code report} was such a failure, now recorded (its mail can be marked read)
     */
    public boolean record(Message report, DeliveryLog log) throws MessagingException, IOException {
        Optional<Bounce> bounce = read(report);
        if (bounce.isEmpty() || !log.bouncedAfterSending(bounce.get())) {
            return false;
        }
        LOG.info("Subscriber {} bounced after issue {} was sent: {}", bounce.get().message().subscriberId(),
                bounce.get().message().issueSlug(), bounce.get().describe());
        return true;
    }

    public Optional<Bounce> read(Message message) throws MessagingException, IOException {
        Optional<Multipart> parts = ReportParts.of(message);
        Optional<BodyPart> statusPart = parts.isEmpty() ? Optional.empty()
                : ReportParts.first(parts.get(), "message/delivery-status");
        if (statusPart.isEmpty()) {
            return Optional.empty();
        }
        Optional<SentMessageId> original = SentMessageId.quotedIn(parts.get(), tokens);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        DeliveryStatus status;
        try (InputStream in = statusPart.get().getInputStream()) {
            status = new DeliveryStatus(in);
        }
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            InternetHeaders recipient = status.getRecipientDSN(i);
            String action = field(recipient, "Action");
            String code = field(recipient, "Status");
            if (action.equalsIgnoreCase("failed") && code.startsWith("5.")) {
                List<String> addresses = Stream.of("Final-Recipient", "Original-Recipient")
                        .map(name -> address(field(recipient, name))).filter(a -> !a.isEmpty()).distinct().toList();
                return Optional.of(new Bounce(original.get(), addresses, code, field(recipient, "Diagnostic-Code")));
            }
        }
        return Optional.empty();
    }

    private static String field(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, " ");
        return value == null ? "" : value.strip();
    }

    /** {@code rfc822; reader@example.org} → {@code reader@example.org}. */
    private static String address(String typedAddress) {
        int semicolon = typedAddress.indexOf(';');
        String address = semicolon >= 0 ? typedAddress.substring(semicolon + 1) : typedAddress;
        return address.strip().replaceAll("^<|>$", "").toLowerCase(Locale.ROOT);
    }
}
