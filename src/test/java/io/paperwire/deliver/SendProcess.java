package io.paperwire.deliver;

import io.paperwire.archive.IssueStore;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A sender in its own JVM, for the tests that kill one or run two at once: delivers the fixture's latest issue to
 * the SMTP port given and prints {@code SENT <n>}.
 *
 * <p>Arguments: {@code HOME SMTP_PORT WORKERS [DB_URL DB_USER]}. When {@code HOME/go} is named by the test, the
 * process prints {@code READY} and waits for that file before sending.
 */
public final class SendProcess {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        Map<String, String> overrides = new HashMap<>();
        if (args.length > 4) {
            overrides.put("paperwire.db.url", args[3]);
            overrides.put("paperwire.db.username", args[4]);
        }
        DeliverySettings delivery = DeliverySettings.defaults().withConcurrency(workers)
                .withRetries(3, Duration.ofMillis(50), 50).withTimeout(Duration.ofSeconds(120))
                .withRatePerSecond(Double.parseDouble(System.getProperty("paperwire.test.rate", "0")));
        boolean perMessage = System.getProperty("paperwire.test.connectionPerMessage") != null;
        try (DeliveryFixture fixture = new DeliveryFixture(home, overrides);
             Mailer mailer = perMessage ? new ConnectionPerMessageMailer(port, delivery) : fixture.smtp(port, delivery)) {
            RenderedIssue issue = new IssueStore(fixture.database).latest(RunRequest.of(DeliveryFixture.WEEK)).orElseThrow();
            Path go = home.resolve("go");
            if (System.getProperty("paperwire.test.barrier") != null) {
                System.out.println("READY");
                System.out.flush();
                while (!Files.exists(go)) {
                    Thread.sleep(20);
                }
            }
            // paperwire.test.rounds > 1: after the first send, publish and send further issues in the same JVM
            // (the benchmark's warmed-up figure).
            int rounds = Integer.getInteger("paperwire.test.rounds", 1);
            for (int round = 1; round <= rounds; round++) {
                if (round > 1) {
                    issue = fixture.publishIssue(issue.issue().edition() + 1, Integer.getInteger("paperwire.test.issueBytes"));
                }
                long start = System.nanoTime();
                int sent = System.getProperty("paperwire.test.mailerOnly") != null
                        ? mailerOnly(fixture, mailer, issue, workers)
                        : fixture.stage(mailer, delivery).deliver(issue).sent();
                long millis = (System.nanoTime() - start) / 1_000_000;
                long heapPeak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
                System.out.println("SENT " + sent + " IN " + millis + " HEAP " + heapPeak / (1024 * 1024));
            }
        }
        System.exit(0);
    }

    /**
     * Reference of the benchmark: message building and the mailer alone, with no delivery log. The workers build and
     * send the first subscriber's message as many times as there are subscribers; what the delivery log and the
     * stage around it cost is the difference.
     */
    private static int mailerOnly(DeliveryFixture fixture, Mailer mailer, RenderedIssue issue, int workers)
            throws Exception {
        int subscribers = fixture.database.queryOne("SELECT COUNT(*) AS n FROM subscribers", row -> row.getInt("n"))
                .orElseThrow();
        MessageFactory.IssueMessages messages = new MessageFactory(fixture.settings, fixture.tokens).forIssue(issue);
        io.paperwire.subscribers.Subscriber first = fixture.subscriber(0);
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(subscribers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        java.util.List<java.util.concurrent.Future<Integer>> running = new java.util.ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                int sent = 0;
                while (left.getAndDecrement() > 0) {
                    mailer.send("reference", messages.to(first));
                    sent++;
                }
                return sent;
            }));
        }
        int sent = 0;
        for (java.util.concurrent.Future<Integer> worker : running) {
            sent += worker.get();
        }
        pool.shutdown();
        return sent;
    }

    /** Baseline of the benchmark: a new connection per message, as the static {@code Transport.send} makes. */
    static final class ConnectionPerMessageMailer implements Mailer {
        private final jakarta.mail.Session session;

        ConnectionPerMessageMailer(int port, DeliverySettings settings) {
            this.session = jakarta.mail.Session.getInstance(SmtpMailer.properties(new io.paperwire.settings.PaperwireSettings.Smtp(
                    "127.0.0.1", port, "", new io.paperwire.settings.PaperwireSettings.Secret(null), false), settings));
        }

        @Override
        public String describe() {
            return "a connection per message";
        }

        /** What the static {@code Transport.send} does: connect, send this one message, close. */
        @Override
        public void send(String key, jakarta.mail.internet.MimeMessage message) throws jakarta.mail.MessagingException {
            try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }

        @Override
        public void close() {
        }
    }

    /** Starts this class in a new JVM with the test's own class path. */
    static ProcessBuilder command(boolean barrier, String... args) {
        return command(barrier, false, args);
    }

    static ProcessBuilder command(boolean barrier, boolean connectionPerMessage, String... args) {
        return command(barrier, connectionPerMessage, false, java.util.List.of(), null, args);
    }

    /** @param classPath the sender's class path; null for this JVM's test class path */
    static ProcessBuilder command(boolean barrier, boolean connectionPerMessage, boolean mailerOnly,
                                  java.util.List<String> jvmOptions, String classPath, String... args) {
        if (classPath == null) {
            classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath));
        command.addAll(jvmOptions);
        // e.g. -Dpaperwire.test.sender-jvm-args=-XX:StartFlightRecording=filename=target/send.jfr to profile a sender
        String extra = System.getProperty("paperwire.test.sender-jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(java.util.List.of(extra.trim().split("\\s+")));
        }
        if (barrier) {
            command.add("-Dpaperwire.test.barrier=true");
        }
        if (connectionPerMessage) {
            command.add("-Dpaperwire.test.connectionPerMessage=true");
        }
        if (mailerOnly) {
            command.add("-Dpaperwire.test.mailerOnly=true");
        }
        command.add(SendProcess.class.getName());
        command.addAll(java.util.List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
