package io.paperwire.subscribers;

import io.paperwire.mail.Mailer;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Self-service subscription: subscribe (double opt-in), confirm, unsubscribe. Every answer is the same whether an
 * address is known or not, so the form cannot be used to learn who is on the list; a token that was not signed by
 * this server changes nothing.
 */
public final class SubscriptionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);

    /** The outcome of a subscribe request, as the client may see it. */
    public enum SubscribeResult {
        /** A confirmation email is on its way (or the address is already subscribed: the client cannot tell). */
        ACCEPTED,
        /** Not a usable address. */
        INVALID,
        /** Too many requests from this client. */
        RATE_LIMITED
    }

    private final SubscriberStore store;
    private final SubscriptionTokens tokens;
    private final ConfirmationMail confirmations;
    private final Mailer mailer;
    private final SubscribeRateLimit rateLimit;
    private final URI baseUrl;
    private final Duration confirmValidity;
    private final Clock clock;

    public SubscriptionService(SubscriberStore store, SubscriptionTokens tokens, ConfirmationMail confirmations,
                               Mailer mailer, SubscribeRateLimit rateLimit, URI baseUrl, Duration confirmValidity,
                               Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.confirmations = confirmations;
        this.mailer = mailer;
        this.rateLimit = rateLimit;
        this.baseUrl = baseUrl;
        this.confirmValidity = confirmValidity;
        this.clock = clock;
    }

    /** Asks {@code rawAddress} to confirm; {@code client} is the requester's IP address, for the rate limit. */
    public SubscribeResult subscribe(String rawAddress, String client) {
        if (!rateLimit.tryAcquire(client)) {
            return SubscribeResult.RATE_LIMITED;
        }
        String email;
        try {
            email = SubscriberStore.normalise(rawAddress);
        } catch (InvalidAddressException e) {
            return SubscribeResult.INVALID;
        }
        Subscriber subscriber = store.addPending(email, "web " + client);
        if (subscriber.state() == Subscriber.State.PENDING) {
            String url = link("confirm", tokens.confirm(subscriber, clock.instant().plus(confirmValidity)));
            try {
                mailer.send("confirm-" + subscriber.id() + "-" + clock.millis(), confirmations.create(subscriber, url));
            } catch (MessagingException | RuntimeException e) {
                // The answer stays the same: telling the client would tell it whether the address was new.
                LOG.warn("Cannot send the confirmation email to subscriber {}: {}", subscriber.id(), e.getMessage());
            }
        }
        return SubscribeResult.ACCEPTED;
    }

    /** Confirms the subscription the token was signed for; empty when the token is not genuine or expired. */
    public Optional<Subscriber> confirm(String token) {
        return genuine(token, SubscriptionTokens.Purpose.CONFIRM).map(s -> {
            store.confirm(s.id());
            return store.byId(s.id()).orElse(s);
        });
    }

    /** The subscriber a genuine unsubscribe token names, without changing anything (the GET page). */
    public Optional<Subscriber> checkUnsubscribe(String token) {
        return genuine(token, SubscriptionTokens.Purpose.UNSUBSCRIBE);
    }

    /** Unsubscribes at once (RFC 8058 one-click); empty when the token is not genuine. */
    public Optional<Subscriber> unsubscribe(String token) {
        return genuine(token, SubscriptionTokens.Purpose.UNSUBSCRIBE).map(s -> {
            if (store.unsubscribe(s.id())) {
                LOG.info("Subscriber {} unsubscribed", s.id());
            }
            return store.byId(s.id()).orElse(s);
        });
    }

    private Optional<Subscriber> genuine(String token, SubscriptionTokens.Purpose purpose) {
        return tokens.subscriberId(token, purpose)
                .flatMap(store::byId)
                .filter(s -> tokens.verify(token, purpose, s));
    }

    private String link(String path, String token) {
        return baseUrl.toString().replaceAll("/+$", "") + "/" + path + "?token=" + token;
    }
}
