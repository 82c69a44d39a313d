package io.paperwire.roundup;

/** A roundup that cannot be made as asked; the message is one line saying why and what to do. */
public final class RoundupException extends RuntimeException {
    public RoundupException(String message) {
        super(message);
    }
}
