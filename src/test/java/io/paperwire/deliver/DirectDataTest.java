package io.paperwire.deliver;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.subscribers.Subscriber;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Messages written straight to a plain connection's socket ({@link DirectData}): they must reach the server exactly
 * as Jakarta Mail's own streams would have put them, so every message of ours has to be in SMTP's form already.
 */
class DirectDataTest {

    @TempDir
    Path home;

    @Test
    void messagesBuiltFromHostileTextsNeedNoDotStuffingAndHaveOnlyCrlfLineEnds() throws Exception {
        Random random = new Random(21);
        String[] fragments = {".", "..", "\n.", "\r\n.\r\n", "\r", "\n", "\r\n", "=", " ", "\t", "é€", "<a href=\"x\">",
                RenderedIssue.UNSUBSCRIBE_URL_SLOT, "x".repeat(80), ".hidden", "a"};
        MessageFactory factory = factory();
        for (int round = 0; round < 200; round++) {
            MimeMessage message = factory.forIssue(issue(hostile(random, fragments), hostile(random, fragments)))
                    .to(new Subscriber(round + 1, "reader" + round + "@example.org", Subscriber.State.ACTIVE, "t" + round));

            byte[] bytes = bytes(message);

            assertThat(inSmtpForm(bytes)).as(new String(bytes, StandardCharsets.UTF_8)).isTrue();
        }
    }

    @Test
    void aMessageOnAPlainConnectionArrivesByteForByteAsBuilt() throws Exception {
        MessageFactory factory = factory();
        String text = ".starts with a dot\n.\n..\nSchrödinger = 2 × 3\n" + "long ".repeat(40) + "\nUnsubscribe: "
                + RenderedIssue.UNSUBSCRIBE_URL_SLOT + "\n";
        String html = "<p>.dot</p>\n.\n<p>" + "ä".repeat(100) + "</p>";
        List<MimeMessage> messages = List.of(
                factory.forIssue(issue(text, html)).to(new Subscriber(1, "ada@example.org", Subscriber.State.ACTIVE, "a")),
                factory.forIssue(issue(text, html)).to(new Subscriber(2, "grace@example.org", Subscriber.State.ACTIVE, "g")));
        try (RecordingSmtpServer server = new RecordingSmtpServer();
             SmtpMailer mailer = plainMailer(server.port(), Duration.ofSeconds(10))) {
            for (MimeMessage message : messages) {
                mailer.send("key", message); // both on one pooled connection
            }

            assertThat(server.received()).hasSize(2);
            for (int i = 0; i < messages.size(); i++) {
                assertThat(new String(server.received().get(i), StandardCharsets.UTF_8))
                        .isEqualTo(new String(bytes(messages.get(i)), StandardCharsets.UTF_8));
            }
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatStopsReadingMidMessageFailsTheDirectWriteWithinTheTimeout() throws Exception {
        String huge = ("y".repeat(75) + "\n").repeat(200_000); // far more than the socket buffers hold
        MimeMessage message = factory().forIssue(issue(huge, huge))
                .to(new Subscriber(1, "ada@example.org", Subscriber.State.ACTIVE, "a"));
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0)) {
            Thread stalling = new Thread(() -> answerUntilDataThenStopReading(server, done), "stalling-smtp-server");
            stalling.setDaemon(true);
            stalling.start();
            try (SmtpMailer mailer = plainMailer(server.getLocalPort(), Duration.ofSeconds(1))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> mailer.send("stalled", message)).isInstanceOf(MessagingException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            } finally {
                done.countDown();
            }
        }
    }

    /** What the test asserts every message of ours is: CRLF line ends only, no line starting with a dot. */
    private static boolean inSmtpForm(byte[] data) {
        if (data.length < 2 || data[0] == '.' || data[data.length - 2] != '\r' || data[data.length - 1] != '\n') {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\r' && (i + 1 == data.length || data[i + 1] != '\n')) {
                return false;
            }
            if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r' || (i + 1 < data.length && data[i + 1] == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static String hostile(Random random, String[] fragments) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            text.append(fragments[random.nextInt(fragments.length)]);
        }
        return text.toString();
    }

    private SmtpMailer plainMailer(int port, Duration timeout) {
        return new SmtpMailer(new PaperwireSettings.Smtp("127.0.0.1", port, "", new PaperwireSettings.Secret(null),
                false), DeliverySettings.defaults().withTimeout(timeout));
    }

    private MessageFactory factory() {
        return DeliveryFixture.messageFactory(home);
    }

    private static RenderedIssue issue(String text, String html) {
        return DeliveryFixture.renderedIssue(text, html);
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out, new String[] {"Bcc", "Content-Length"}); // what the SMTP transport leaves out
        return out.toByteArray();
    }

    private static void answerUntilDataThenStopReading(ServerSocket server, CountDownLatch done) {
        try (Socket client = server.accept()) {
            client.setReceiveBufferSize(4096);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write("220 stalling ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line; (line = RecordingSmtpServer.readLine(in)) != null; ) {
                if (line.toUpperCase().startsWith("DATA")) {
                    out.write("354 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                    done.await(60, TimeUnit.SECONDS);
                    return;
                }
                out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        } catch (Exception ignored) {
            // The client gave up: that is the point.
        }
    }

    /** Answers every command with success and keeps each message's data as the client meant it (dots unstuffed). */
    private static final class RecordingSmtpServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0);
        private final List<byte[]> received = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "recording-smtp-server");
        private volatile int connections;

        RecordingSmtpServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<byte[]> received() {
            return received;
        }

        int connections() {
            return connections;
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    connections++;
                    converse(client.getInputStream(), client.getOutputStream());
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void converse(InputStream in, OutputStream out) throws IOException {
            reply(out, "220 recorder ESMTP");
            for (String line; (line = readLine(in)) != null; ) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO")) {
                    reply(out, "250-recorder\r\n250 8BITMIME");
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    for (String dataLine; !(dataLine = readLine(in)).equals("."); ) {
                        data.writeBytes((dataLine.startsWith(".") ? dataLine.substring(1) : dataLine)
                                .getBytes(StandardCharsets.ISO_8859_1));
                        data.writeBytes(new byte[] {'\r', '\n'});
                    }
                    received.add(data.toByteArray());
                    reply(out, "250 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** One CRLF-ended line as bytes read one to one into chars; null at the end of the stream. */
        static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            int previous = -1;
            for (int b; (b = in.read()) >= 0; previous = b) {
                if (b == '\n' && previous == '\r') {
                    return line.substring(0, line.length() - 1);
                }
                line.append((char) b);
            }
            return line.length() == 0 ? null : line.toString();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
