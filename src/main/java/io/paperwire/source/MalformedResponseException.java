package io.paperwire.source;

/** A response that is not the format its source promises; the message says where it broke (line and column). */
public class MalformedResponseException extends RuntimeException {
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
