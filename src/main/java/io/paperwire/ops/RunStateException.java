package io.paperwire.ops;

/** An operation does not fit the state of a run, e.g. approving a run that is not a draft. */
public final class RunStateException extends RuntimeException {
    public RunStateException(String message) {
        super(message);
    }
}
