package io.paperwire.select;

/** The week has nothing to publish; the message says what each source delivered, so the operator can see why. */
public class NoPapersException extends RuntimeException {
    public NoPapersException(String message) {
        super(message);
    }
}
