package io.paperwire.deliver;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What a failed send means for the delivery: try this message again later, give up on this recipient or on this
 * message, wait for the server, or stop for the settings. Read from the SMTP reply codes Jakarta Mail reports: a
 * {@code 4xx} to {@code RCPT} or after {@code DATA} is this message's own transient failure; a {@code 421} anywhere
 * and anything without a reply code (a refused, reset or dropped connection, a timeout, a failed TLS negotiation, a
 * bad greeting) is the server's.
 */
public enum SendFailure {
    /** 4xx (other than 421) to RCPT, MAIL FROM or after DATA: the same message may go through later. */
    TRANSIENT,
    /**
     * The server, not this message, failed: 421 (service not available, closing), a refused, reset or dropped
     * connection, a timeout, a TLS failure. Every worker waits for the server; no message's attempts are spent.
     */
    SERVER_UNAVAILABLE,
    /** 5xx to RCPT: the server will never accept mail for this recipient; the subscriber bounced. */
    RECIPIENT_REJECTED,
    /** 5xx to MAIL FROM or DATA: this message is refused (e.g. its size or content), not the recipient. */
    MESSAGE_REJECTED,
    /**
     * The server refused our login or we refused its certificate: no message can go until the settings change, so
     * the send pauses at once instead of trying every subscriber.
     */
    SETUP_REFUSED;

    /** 530 login or STARTTLS required, 534 mechanism too weak, 535 credentials invalid, 538 encryption required. */
    private static final java.util.Set<Integer> LOGIN_OR_TLS_REQUIRED = java.util.Set.of(530, 534, 535, 538);

    /** 421: the server is shutting the connection down (overloaded, restarting, or out of service). */
    private static final int SERVICE_NOT_AVAILABLE = 421;

    public static SendFailure classify(MessagingException e) {
        for (Exception link : chain(e)) {
            if (link instanceof SMTPSendFailedException send && send.getReturnCode() == SERVICE_NOT_AVAILABLE
                    || link instanceof SMTPAddressFailedException address
                    && address.getReturnCode() == SERVICE_NOT_AVAILABLE) {
                return SERVER_UNAVAILABLE;
            }
            if (link instanceof jakarta.mail.AuthenticationFailedException
                    || link instanceof javax.net.ssl.SSLHandshakeException
                    || link instanceof java.security.cert.CertificateException) {
                return SETUP_REFUSED;
            }
            if (link instanceof SMTPSendFailedException send && LOGIN_OR_TLS_REQUIRED.contains(send.getReturnCode())
                    || link instanceof SMTPAddressFailedException address
                    && LOGIN_OR_TLS_REQUIRED.contains(address.getReturnCode())) {
                return SETUP_REFUSED;
            }
            if (link instanceof SMTPAddressFailedException address) {
                return isPermanent(address.getReturnCode()) ? RECIPIENT_REJECTED : TRANSIENT;
            }
            if (link instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
                return isPermanent(send.getReturnCode()) ? MESSAGE_REJECTED : TRANSIENT;
            }
        }
        return SERVER_UNAVAILABLE;
    }

    /** The SMTP reply line when there is one, otherwise the exception's message and its cause's. */
    public static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder();
        for (Exception link : chain(e)) {
            String message = link.getMessage() == null ? link.getClass().getSimpleName() : link.getMessage().strip();
            if (!message.isEmpty() && text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString().replaceAll("[\\r\\n]+", " ");
    }

    private static boolean isPermanent(int code) {
        return code >= 500 && code < 600;
    }

    private static java.util.List<Exception> chain(MessagingException e) {
        java.util.List<Exception> links = new java.util.ArrayList<>();
        Throwable current = e;
        while (current instanceof Exception ex && links.size() < 10 && !links.contains(ex)) {
            links.add(ex);
            current = ex instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                    : ex.getCause();
        }
        return links;
    }
}
