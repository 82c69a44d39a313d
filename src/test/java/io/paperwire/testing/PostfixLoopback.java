package io.paperwire.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Postfix's {@code smtp-sink} and {@code smtp-source} on loopback, for the delivery benchmarks' baseline. */
public final class PostfixLoopback {

    private PostfixLoopback() {
    }

    /**
     * Sends {@code messages} messages of {@code messageBytes} bytes with {@code smtp-source -d -s 4} (4 sessions) to
     * the port: the machine's limit for this size, which the benchmarks report their senders against.
     *
     * @return messages per second
     */
    public static double smtpSource(int port, int messages, int messageBytes) throws Exception {
        long start = System.nanoTime();
        Process source = new ProcessBuilder("/usr/sbin/smtp-source", "-d", "-s", "4", "-m", String.valueOf(messages),
                "-l", String.valueOf(messageBytes), "-f", "newsletter@paperwire.example", "-t", "reader@example.org",
                "127.0.0.1:" + port).redirectErrorStream(true).start();
        String output = new String(source.getInputStream().readAllBytes());
        assertThat(source.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(source.exitValue()).as(output).isZero();
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        System.out.printf("BENCH run (smtp-source -d -s 4): %d messages of %d bytes at %.0f msg/s%n", messages,
                messageBytes, rate);
        return rate;
    }

    public static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Waits until something (smtp-sink) listens on the port, for up to 5 seconds. */
    public static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new AssertionError("smtp-sink did not open port " + port);
    }
}
