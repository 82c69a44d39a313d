package io.paperwire.store;

/** A database that cannot be reached, migrated or written; the message names the URL, never a password. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
