package io.paperwire.deliver;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A message's data written to a plain SMTP connection's socket in one piece. Jakarta Mail passes every byte of a
 * message through two filter streams, a byte at a time (line ends made CRLF, then dot-stuffing), and hands its
 * buffer a line at a time: a third of the CPU a send of a 50 KB issue took. The messages of {@link MessageFactory}
 * are built in SMTP's form already: their parts are quoted-printable from {@link QuotedPrintableTemplate#encode}
 * (CRLF line ends, and a dot that would start a line written {@code =2E}), and their header values refuse line
 * breaks. So while Jakarta Mail is in the DATA phase of such a message (it has sent {@code DATA} and had the 354
 * reply, and sends the closing dot once the message is written), the message is built into a buffer and written
 * to the socket with the closing dot. It relies on that form rather than scanning each message for it, which cost as much as
 * the filter streams; {@code DirectDataTest} checks the form of messages built from hostile texts.
 *
 * <p>Only on connections without TLS (no SSL, no STARTTLS configured): there the socket Jakarta Mail writes to is
 * the one our {@link NoDelaySocketFactory} made, and nothing is layered on it. The data is held by the socket's
 * output ({@link HeldWrites}) and goes out with the closing dot Jakarta Mail writes next: one write, under Jakarta
 * Mail's write timeout.
 */
final class DirectData {

    private static final ThreadLocal<DirectData> OPEN = new ThreadLocal<>();
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private final HeldWrites socketOutput;

    DirectData(HeldWrites socketOutput) {
        this.socketOutput = socketOutput;
    }

    /** Something Jakarta Mail does on this connection that may write one message. */
    @FunctionalInterface
    interface Send<E extends Exception> {
        void run() throws E;
    }

    /** Runs the send with this connection open to {@link #writeTo} on this thread. */
    <E extends Exception> void during(Send<E> send) throws E {
        OPEN.set(this);
        try {
            send.run();
        } finally {
            OPEN.remove();
            socketOutput.discard(); // still held only when the send failed before the closing dot
        }
    }

    /** Something that writes a whole message, headers and body. */
    @FunctionalInterface
    interface Message {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Hands a message built in SMTP's form to the socket of the connection in its DATA phase on this thread, to go
     * with the closing dot, or writes it to {@code smtpData} (Jakarta Mail's data stream, which puts it in that form)
     * when there is none.
     */
    static void write(Message message, OutputStream smtpData) throws IOException {
        DirectData open = OPEN.get();
        if (open == null) {
            message.writeTo(smtpData);
            return;
        }
        OPEN.remove(); // one message per DATA phase
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        message.writeTo(buffer);
        byte[] data = buffer.bytes();
        int size = buffer.size();
        if (size >= 2 && data[size - 2] == '\r' && data[size - 1] == '\n' && data[0] != '.') {
            buffer.ensure(CLOSING_DOT);
            open.socketOutput.hold(buffer.bytes(), size);
        } else {
            smtpData.write(data, 0, size);
        }
    }

    /** Room for the closing {@code .\r\n} after a held message, so both go in one write. */
    private static final int CLOSING_DOT = 3;

    /** A growable byte buffer kept per sending thread: a message is built in it without a copy per message. */
    private static final class Buffer extends OutputStream {
        private static final int KEEP = 1 << 20;
        private byte[] bytes = new byte[64 * 1024];
        private int size;

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        /** Empties the buffer; an unusually large message's array is not kept for the rest of the list. */
        void reset() {
            size = 0;
            if (bytes.length > KEEP) {
                bytes = new byte[64 * 1024];
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
