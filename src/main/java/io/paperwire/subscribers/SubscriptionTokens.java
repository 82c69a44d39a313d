package io.paperwire.subscribers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs and checks the tokens in confirm and unsubscribe links: HMAC-SHA256 with the server secret over the purpose,
 * the subscriber id, the expiry and the subscriber's address and stored salt. A token cannot be forged or altered
 * without the secret, one purpose's token is useless for the other, and a confirm token expires.
 *
 * <p>Forms: {@code u<id>.<mac>} (unsubscribe; never expires, it is in every sent email) and
 * {@code c<id>.<expiry epoch seconds>.<mac>} (confirm). The same secret signs the Message-ID of every sent issue
 * ({@link #messageSignature}), so a bounce report that quotes one is known to be about a message we sent.
 */
public final class SubscriptionTokens {

    public enum Purpose {
        CONFIRM('c'), UNSUBSCRIBE('u');

        private final char prefix;

        Purpose(char prefix) {
            this.prefix = prefix;
        }
    }

    private static final Pattern FORM = Pattern.compile("([cu])(\\d{1,18})\\.(?:(\\d{1,12})\\.)?([A-Za-z0-9_-]{22})");
    private static final int MAX_LENGTH = 80;

    private final PrecomputedHmac hmac;
    private final Clock clock;

    /** @param secret at least 16 bytes */
    public SubscriptionTokens(byte[] secret, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the server secret must be at least 16 bytes");
        }
        this.hmac = new PrecomputedHmac(secret);
        this.clock = clock;
    }

    public String unsubscribe(Subscriber subscriber) {
        return "u" + subscriber.id() + "." + mac(Purpose.UNSUBSCRIBE, subscriber, 0);
    }

    public String confirm(Subscriber subscriber, Instant expires) {
        long expiry = expires.getEpochSecond();
        return "c" + subscriber.id() + "." + expiry + "." + mac(Purpose.CONFIRM, subscriber, expiry);
    }

    /** The signature in the Message-ID of issue {@code issueSlug} sent to subscriber {@code subscriberId}. */
    public String messageSignature(String issueSlug, long subscriberId) {
        return sign("m|" + issueSlug + "|" + subscriberId);
    }

    public boolean verifyMessageSignature(String issueSlug, long subscriberId, String signature) {
        return signature != null && MessageDigest.isEqual(messageSignature(issueSlug, subscriberId)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    /** The subscriber id a well-formed token of this purpose names; says nothing about whether it is genuine. */
    public Optional<Long> subscriberId(String token, Purpose purpose) {
        return parse(token, purpose).map(m -> Long.parseLong(m.group(2)));
    }

    /** Whether {@code token} was signed by us for this purpose and this subscriber, and has not expired. */
    public boolean verify(String token, Purpose purpose, Subscriber subscriber) {
        Optional<Matcher> parsed = parse(token, purpose);
        if (parsed.isEmpty()) {
            return false;
        }
        Matcher m = parsed.get();
        if (Long.parseLong(m.group(2)) != subscriber.id()) {
            return false;
        }
        long expiry = 0;
        if (purpose == Purpose.CONFIRM) {
            if (m.group(3) == null) {
                return false;
            }
            expiry = Long.parseLong(m.group(3));
            if (clock.instant().getEpochSecond() > expiry) {
                return false;
            }
        } else if (m.group(3) != null) {
            return false;
        }
        byte[] expected = mac(purpose, subscriber, expiry).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(4).getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<Matcher> parse(String token, Purpose purpose) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(token);
        if (!m.matches() || m.group(1).charAt(0) != purpose.prefix) {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private String mac(Purpose purpose, Subscriber subscriber, long expiry) {
        return sign(purpose.prefix + "|" + subscriber.id() + "|" + expiry + "|" + subscriber.email() + "|"
                + subscriber.token());
    }

    /** Signs {@code data} with the server secret: 22 URL-safe characters (for {@link PersonalTokens}). */
    String sign(String data) {
        byte[] full = hmac.mac(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
    }
}
