package io.paperwire.deliver;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A plain SMTP connection's socket output, which can hold one message's data ({@link DirectData}) until Jakarta Mail
 * writes the closing dot, and then writes both in one system call: one TCP segment and one wake-up of the server
 * fewer per message than writing them apart (the dot cannot wait for Nagle, see {@link NoDelaySocketFactory}).
 * Whatever Jakarta Mail writes next goes after the held data, so the order on the wire is always the order written;
 * a flush leaves held data held, as nothing can follow a message's data but its dot. Used by one sending thread at a
 * time, as a pooled connection is.
 */
final class HeldWrites extends FilterOutputStream {

    private byte[] held;
    private int heldLength;

    HeldWrites(OutputStream socketOutput) {
        super(socketOutput);
    }

    /**
     * Holds {@code data[0, length)} until the next write. The array is not copied: the caller leaves it alone until
     * then, and bytes past {@code length} may be used to join the next write to it.
     */
    void hold(byte[] data, int length) {
        if (held != null) {
            throw new IllegalStateException("a message's data is held already");
        }
        held = data;
        heldLength = length;
    }

    /** Forgets held data that was never followed by its dot (the send failed before it). */
    void discard() {
        held = null;
    }

    boolean holds() {
        return held != null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        byte[] data = held;
        if (data == null) {
            out.write(b, off, len);
            return;
        }
        held = null;
        if (data.length - heldLength >= len) {
            System.arraycopy(b, off, data, heldLength, len);
            out.write(data, 0, heldLength + len);
        } else {
            out.write(data, 0, heldLength);
            out.write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (held == null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        held = null;
        out.close();
    }
}
