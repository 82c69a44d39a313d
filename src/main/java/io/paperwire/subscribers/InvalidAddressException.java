package io.paperwire.subscribers;

/** An email address that cannot be subscribed; the message quotes it and says why. */
public class InvalidAddressException extends RuntimeException {
    public InvalidAddressException(String message) {
        super(message);
    }
}
