package io.paperwire.deliver;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeldWritesTest {

    /** What reached the socket, one entry per write call. */
    private static final class Socket extends ByteArrayOutputStream {
        final List<String> writes = new ArrayList<>();
        int flushes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.add(new String(b, off, len, StandardCharsets.US_ASCII));
            super.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    private static byte[] withRoom(String text, int room) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), text.length() + room);
    }

    @Test
    void aHeldMessageGoesOutWithTheClosingDotInOneWrite() throws IOException {
        Socket socket = new Socket();
        HeldWrites out = new HeldWrites(socket);
        String message = "Subject: hi\r\n\r\nbody\r\n";

        out.hold(withRoom(message, 3), message.length());
        out.flush();
        assertThat(socket.writes).as("a flush sends nothing while the data waits for its dot").isEmpty();
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();

        assertThat(socket.writes).containsExactly(message + ".\r\n");
        assertThat(socket.flushes).isEqualTo(1);
        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(socket.writes).containsExactly(message + ".\r\n", "QUIT\r\n");
    }

    @Test
    void withoutRoomForWhatFollowsBothGoOutInTheOrderWritten() throws IOException {
        Socket socket = new Socket();
        HeldWrites out = new HeldWrites(socket);
        String message = "Subject: hi\r\n\r\nbody\r\n";

        out.hold(withRoom(message, 2), message.length());
        out.write("RSET\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(socket.writes).containsExactly(message, "RSET\r\n");
        assertThat(socket.toString(StandardCharsets.US_ASCII)).isEqualTo(message + "RSET\r\n");
    }

    @Test
    void dataDiscardedAfterAFailedSendNeverReachesTheSocket() throws IOException {
        Socket socket = new Socket();
        HeldWrites out = new HeldWrites(socket);

        out.hold(withRoom("half a message\r\n", 3), 16);
        out.discard();
        out.write('Q');

        assertThat(out.holds()).isFalse();
        assertThat(socket.toString(StandardCharsets.US_ASCII)).isEqualTo("Q");
    }
}
