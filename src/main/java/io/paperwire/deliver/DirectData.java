package io.paperwire.deliver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A message's data written to a plain SMTP connection's socket in one piece. Jakarta Mail passes every byte of a
 * message through two filter streams, a byte at a time (line ends made CRLF, then dot-stuffing), and hands its
 * buffer a line at a time: a third of the CPU a send of a 50 KB issue took. The messages of {@link MessageFactory}
 * are built in SMTP's form already: their parts are quoted-printable from {@link QuotedPrintableTemplate#encode}
 * (CRLF line ends, and a dot that would start a line written {@code =2E}), and their header values refuse line
 * breaks. So while Jakarta Mail is in the DATA phase of such a message (it has sent {@code DATA} and had the 354
 * reply, and sends the closing dot once the message is written), the message is built into a buffer and written
 * straight to the socket. It relies on that form rather than scanning each message for it, which cost as much as
 * the filter streams; {@code DirectDataTest} checks the form of messages built from hostile texts.
 *
 * <p>Only on connections without TLS (no SSL, no STARTTLS configured): there the socket Jakarta Mail writes to is
 * the one our {@link NoDelaySocketFactory} made, and nothing is layered on it. A write that takes longer than the
 * delivery timeout closes the socket, as Jakarta Mail's write timeout does.
 */
final class DirectData {

    private static final ThreadLocal<DirectData> OPEN = new ThreadLocal<>();
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private final Socket socket;
    private final ScheduledExecutorService timeouts;
    private final long timeoutMillis;

    DirectData(Socket socket, ScheduledExecutorService timeouts, long timeoutMillis) {
        this.socket = socket;
        this.timeouts = timeouts;
        this.timeoutMillis = timeoutMillis;
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
        }
    }

    /** Something that writes a whole message, headers and body. */
    @FunctionalInterface
    interface Message {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a message built in SMTP's form to the socket of the connection in its DATA phase on this thread, or to
     * {@code smtpData} (Jakarta Mail's data stream, which puts it in that form) when there is none.
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
            open.writeToSocket(data, size);
        } else {
            smtpData.write(data, 0, size);
        }
        buffer.shrink();
    }

    private void writeToSocket(byte[] data, int length) throws IOException {
        ScheduledFuture<?> timeout = timeouts.schedule(this::closeSocket, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(data, 0, length);
            out.flush();
        } finally {
            timeout.cancel(false);
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The write fails with the socket closed, as Jakarta Mail's own write timeout makes it fail.
        }
    }

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

        void reset() {
            size = 0;
        }

        /** An unusually large message's buffer is not kept for the rest of the list. */
        void shrink() {
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

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
