package io.paperwire.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed tokens of the personal links in every email, made like the unsubscribe token (HMAC-SHA256 with the
 * server secret over the purpose, the subscriber's id, address and salt): {@code p<id>.<mac>} opens the reader's
 * preferences page, {@code f<id>.<arXiv id>.<mac>} their feedback on one paper. A token cannot be forged or altered
 * without the secret, one subscriber's token says nothing about another, and forgetting a reader (new salt, no
 * address) voids every link they were sent. The vote itself ("more" or "less") is not signed: the page asks for it
 * with a button, and the reader could follow either link anyway.
 */
public final class PersonalTokens {

    private static final Pattern PREFERENCES = Pattern.compile("p(\\d{1,18})\\.([A-Za-z0-9_-]{22})");
    private static final Pattern FEEDBACK = Pattern.compile("f(\\d{1,18})\\.([A-Za-z0-9./-]{4,40})\\.([A-Za-z0-9_-]{22})");
    private static final int MAX_LENGTH = 100;

    private final SubscriptionTokens tokens;

    public PersonalTokens(SubscriptionTokens tokens) {
        this.tokens = tokens;
    }

    /** A parsed token: whose it is and, for feedback, which paper; genuine only once {@link #verify}d. */
    public record Claim(long subscriberId, String arxivId, String mac) {}

    public String preferences(Subscriber subscriber) {
        return "p" + subscriber.id() + "." + tokens.sign("p|" + subscriber.id() + "|" + subscriber.email() + "|"
                + subscriber.token());
    }

    public String feedback(Subscriber subscriber, String arxivId) {
        return "f" + subscriber.id() + "." + arxivId + "." + tokens.sign("f|" + subscriber.id() + "|" + arxivId + "|"
                + subscriber.email() + "|" + subscriber.token());
    }

    /** The preferences token's claim, if it is well formed (not yet whether it is genuine). */
    public Optional<Claim> parsePreferences(String token) {
        Matcher m = matcher(PREFERENCES, token);
        return m == null ? Optional.empty() : Optional.of(new Claim(Long.parseLong(m.group(1)), "", m.group(2)));
    }

    /** The feedback token's claim, if it is well formed (not yet whether it is genuine). */
    public Optional<Claim> parseFeedback(String token) {
        Matcher m = matcher(FEEDBACK, token);
        return m == null ? Optional.empty()
                : Optional.of(new Claim(Long.parseLong(m.group(1)), m.group(2), m.group(3)));
    }

    /** Whether the claim was signed by us for this subscriber (as they are now). */
    public boolean verify(Claim claim, Subscriber subscriber) {
        if (claim.subscriberId() != subscriber.id()) {
            return false;
        }
        String expected = claim.arxivId().isEmpty() ? preferences(subscriber) : feedback(subscriber, claim.arxivId());
        String mac = expected.substring(expected.lastIndexOf('.') + 1);
        return MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
                claim.mac().getBytes(StandardCharsets.US_ASCII));
    }

    private static Matcher matcher(Pattern form, String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return null;
        }
        Matcher m = form.matcher(token);
        return m.matches() ? m : null;
    }
}
