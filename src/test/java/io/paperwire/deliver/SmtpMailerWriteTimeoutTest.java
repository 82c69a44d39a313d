package io.paperwire.deliver;

import io.paperwire.settings.PaperwireSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server that stops reading in the middle of a message: the write times out, the send does not hang. */
class SmtpMailerWriteTimeoutTest {

    @Test
    void aServerThatStopsReadingMidMessageFailsTheSendWithinTheTimeout() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0)) {
            Thread stalling = new Thread(() -> answerUntilDataThenStopReading(server, done), "stalling-smtp-server");
            stalling.setDaemon(true);
            stalling.start();
            DeliverySettings delivery = DeliverySettings.defaults().withTimeout(Duration.ofSeconds(1));
            try (SmtpMailer mailer = new SmtpMailer(new PaperwireSettings.Smtp("127.0.0.1", server.getLocalPort(), "",
                    new PaperwireSettings.Secret(null), false), delivery)) {
                MimeMessage message = new MimeMessage(mailer.session());
                message.setFrom(new InternetAddress("newsletter@paperwire.example"));
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("reader@example.org"));
                // Far more than the socket buffers hold, so a write must wait for a reader that never comes.
                message.setText(("y".repeat(75) + "\n").repeat(200_000));
                message.saveChanges();

                long start = System.nanoTime();
                assertThatThrownBy(() -> mailer.send("stalled", message)).isInstanceOf(MessagingException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            } finally {
                done.countDown();
            }
        }
    }

    private static void answerUntilDataThenStopReading(ServerSocket server, CountDownLatch done) {
        try (Socket client = server.accept()) {
            client.setReceiveBufferSize(4096);
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            out.write("220 stalling ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO")) {
                    out.write("250-stalling\r\n250 8BITMIME\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (command.startsWith("DATA")) {
                    out.write("354 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                    done.await(60, TimeUnit.SECONDS);
                    return;
                } else {
                    out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (Exception ignored) {
            // The client gave up: that is the point.
        }
    }
}
