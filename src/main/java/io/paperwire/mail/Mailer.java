package io.paperwire.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Hands finished messages to the outside world. The sender sees only this. */
public interface Mailer extends AutoCloseable {

    /** Where messages go, for the run report, e.g. {@code outbox out/outbox} or {@code smtp mail.example.org:587}. */
    String describe();

    /**
     * Sends one message; returns only once the receiving side accepted it.
     *
     * @param key a stable name for this (issue, subscriber) message, unique within the list
     */
    void send(String key, MimeMessage message) throws MessagingException;

    /**
     * Checks that the receiving side answers, without sending anything; used to wait out an outage. The outbox
     * has nothing to probe.
     *
     * @throws MessagingException when it does not answer (or refuses us)
     */
    default void probe() throws MessagingException {
    }

    @Override
    void close();
}
