package io.paperwire.deliver;

import io.paperwire.testing.PostfixLoopback;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.ops.RunLog;
import io.paperwire.ops.StageRecord;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.testing.Bench;
import io.paperwire.testing.LocalPostgres;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery throughput: 10,000 subscribers, a ~30 KB issue, to Postfix's {@code smtp-sink} on loopback (GreenMail
 * when Postfix is not installed; the report names which ran). First the product as operators run it: the deliver
 * stage of {@code target/paperwire run --sample} (the launcher, which picks the JVM's compilers by command and cores)
 * and of the same command as plain {@code java -jar}, with 10,000 subscribers imported through the CLI and the
 * issue cut to 8 papers (a ~32 KB message), timed by the run's own stage record. Then the stage alone: each send in
 * its own JVM capped at {@code -Xmx256m}, through the real delivery log (H2) with the default 4 workers. Baselines: (a) the same stage
 * and JVM set-up with a new connection per message ({@code Transport.send}); (b) the same messages built and sent
 * by the same pooled mailer with no delivery log, as Jakarta Mail's own limit here; (c) Postfix's {@code smtp-source}
 * into the same sink with messages of the same size, as the machine's limit. The stage is measured in three JVM
 * set-ups: a fresh default JVM; a fresh one started with {@code -XX:TieredStopAtLevel=1}, as the launcher starts
 * one-shot commands on two cores (there the optimising compiler takes a core's worth of CPU from a send that lasts
 * seconds); and a warmed-up JVM,
 * which sends two issues first and then three more, measured (the steady state a longer list, or a later send in one
 * {@code serve} process, runs at). With a PostgreSQL on 127.0.0.1:5432, the stage once more with the delivery log
 * there (the row locks of a shared send). Median of 3 runs each, taken round-robin with smtp-source so that a drift
 * in the machine's speed touches every figure alike.
 */
class DeliveryBenchmark {

    static final int SUBSCRIBERS = 10_000;
    static final int ISSUE_HTML_BYTES = 15_000;
    static final int RUNS = 3;
    static final int WARM_UP_SENDS = 2;

    @TempDir
    Path home;

    @Test
    void messagesPerSecondToALoopbackSink() throws Exception {
        Path sinkBinary = Path.of("/usr/sbin/smtp-sink");
        boolean postfix = Files.isExecutable(sinkBinary) && Files.isExecutable(Path.of("/usr/sbin/smtp-source"));
        int port = PostfixLoopback.freePort();
        Process sink = null;
        GreenMail greenMail = null;
        if (postfix) {
            List<String> command = new ArrayList<>(List.of(sinkBinary.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "postfix"));
            }
            command.addAll(List.of("127.0.0.1:" + port, "256"));
            sink = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(home.resolve("sink.log").toFile()).start();
            PostfixLoopback.waitForPort(port);
        } else {
            greenMail = new GreenMail(ServerSetupTest.SMTP.port(port));
            greenMail.start();
        }
        String target = postfix ? "smtp-sink" : "GreenMail (Postfix smtp-sink not installed)";
        try {
            int messageBytes;
            try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
                fixture.addSubscribers(0, SUBSCRIBERS);
                RenderedIssue probe = fixture.publishIssue(1, ISSUE_HTML_BYTES);
                messageBytes = size(new MessageFactory(fixture.settings, fixture.tokens).create(probe, fixture.subscriber(1)));
            }
            System.out.printf("Delivery benchmark: %d subscribers, %d-byte messages, to %s on 127.0.0.1:%d; senders run from %s%n",
                    SUBSCRIBERS, messageBytes, target, port,
                    SENDER_CLASS_PATH != null ? "target/paperwire.jar + test classes" : "the test class path (no jar built)");

            // Round-robin: each round runs every set-up once and smtp-source last, so each figure and its
            // baselines are measured over the same stretch of time on a machine whose speed drifts.
            List<Double> launched = new ArrayList<>();
            List<Double> plainJavaJar = new ArrayList<>();
            List<Double> pooled = new ArrayList<>();
            List<Double> perMessageConnection = new ArrayList<>();
            List<Double> quickJit = new ArrayList<>();
            List<Double> mailerOnly = new ArrayList<>();
            List<Double> postgres = new ArrayList<>();
            List<Double> source = new ArrayList<>();
            List<Double> runSource = new ArrayList<>();
            Optional<RunCommand> weeklyRun = Optional.empty();
            Optional<LocalPostgres> server = LocalPostgres.freshSchema();
            try {
                if (server.isPresent()) {
                    try (DeliveryFixture fixture = new DeliveryFixture(home.resolve("pg"), server.get().settings())) {
                        fixture.addSubscribers(0, SUBSCRIBERS);
                    }
                } else {
                    System.out.println("BENCH PostgreSQL figure skipped: no PostgreSQL answers on 127.0.0.1:5432");
                }
                weeklyRun = RunCommand.prepare(home.resolve("run"), port);
                int edition = 1;
                for (int run = 1; run <= RUNS; run++) {
                    if (weeklyRun.isPresent()) {
                        launched.add(weeklyRun.get().deliveryRate(true));
                        plainJavaJar.add(weeklyRun.get().deliveryRate(false));
                    }
                    pooled.add(sendAfterPublishing(++edition, port, Sender.DELIVER_STAGE));
                    perMessageConnection.add(sendAfterPublishing(++edition, port, Sender.CONNECTION_PER_MESSAGE));
                    quickJit.add(sendAfterPublishing(++edition, port, Sender.DELIVER_STAGE_C1));
                    mailerOnly.add(sendInOwnJvm(port, Sender.MAILER_ONLY, home).get(0));
                    if (server.isPresent()) {
                        try (DeliveryFixture fixture = new DeliveryFixture(home.resolve("pg"), server.get().settings())) {
                            fixture.publishIssue(run, ISSUE_HTML_BYTES);
                        }
                        postgres.add(sendInOwnJvm(port, Sender.DELIVER_STAGE_POSTGRES, home.resolve("pg"),
                                server.get().url(), server.get().user()).get(0));
                    }
                    if (postfix) {
                        source.add(PostfixLoopback.smtpSource(port, SUBSCRIBERS, messageBytes));
                        if (weeklyRun.isPresent()) {
                            runSource.add(PostfixLoopback.smtpSource(port, SUBSCRIBERS, weeklyRun.get().messageBytes()));
                        }
                    }
                }
            } finally {
                server.ifPresent(LocalPostgres::drop);
            }

            // Steady state, as a list longer than 10,000 or a later send in one `serve` process sees it: one JVM
            // sends WARM_UP_SENDS issues (not counted), then RUNS more.
            try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
                fixture.publishIssue(100, ISSUE_HTML_BYTES);
            }
            List<Double> warmRounds = sendInOwnJvm(port, Sender.DELIVER_STAGE_WARM, home);
            List<Double> warmedUp = warmRounds.subList(WARM_UP_SENDS, warmRounds.size());
            if (postfix) {
                source.add(PostfixLoopback.smtpSource(port, SUBSCRIBERS, messageBytes));
            }

            String name = "deliver 10k x " + messageBytes / 1024 + "KB to " + (postfix ? "smtp-sink" : "GreenMail");
            Bench.report(name, pooled, "msg/s", "Transport.send, a connection per message", Bench.median(perMessageConnection));
            Bench.report(name, pooled, "msg/s", "the same messages built and sent with no delivery log (Jakarta Mail's own limit)",
                    Bench.median(mailerOnly));
            Bench.report(name + " (JVM " + QUICK_JIT + ")", quickJit, "msg/s", "Transport.send, a connection per message",
                    Bench.median(perMessageConnection));
            if (!postgres.isEmpty()) {
                Bench.report(name + " (PostgreSQL delivery log)", postgres, "msg/s", "Transport.send, a connection per message",
                        Bench.median(perMessageConnection));
            }
            String run = "paperwire run --sample, deliver stage, 10k subscribers x "
                    + weeklyRun.map(r -> r.messageBytes() / 1024).orElse(0) + "KB to " + (postfix ? "smtp-sink" : "GreenMail");
            String launcherJit = Runtime.getRuntime().availableProcessors() <= 2 ? QUICK_JIT : "the JVM default";
            if (!launched.isEmpty()) {
                Bench.report(run + " (target/paperwire: " + launcherJit + ")", launched, "msg/s",
                        "Transport.send, a connection per message", Bench.median(perMessageConnection));
                Bench.report(run + " (java -jar, JVM default)", plainJavaJar, "msg/s",
                        "Transport.send, a connection per message", Bench.median(perMessageConnection));
            } else {
                System.out.println("BENCH paperwire run figures skipped: no target/paperwire (mvn -Pbench verify packages it)");
            }
            if (postfix) {
                if (!launched.isEmpty()) {
                    String sameSize = "Postfix smtp-source -d -s 4 (machine limit), messages of " + weeklyRun.get().messageBytes() + " bytes";
                    Bench.report(run + " (target/paperwire: " + launcherJit + ")", launched, "msg/s", sameSize,
                            Bench.median(runSource));
                    Bench.report(run + " (java -jar, JVM default)", plainJavaJar, "msg/s", sameSize, Bench.median(runSource));
                }
                Bench.report(name, pooled, "msg/s", "Postfix smtp-source -d -s 4 (machine limit)", Bench.median(source));
                Bench.report(name + " (JVM " + QUICK_JIT + ")", quickJit, "msg/s",
                        "Postfix smtp-source -d -s 4 (machine limit)", Bench.median(source));
                Bench.report(name + " (warmed-up JVM)", warmedUp, "msg/s",
                        "Postfix smtp-source -d -s 4 (machine limit)", Bench.median(source));
                if (!postgres.isEmpty()) {
                    Bench.report(name + " (PostgreSQL delivery log)", postgres, "msg/s",
                            "Postfix smtp-source -d -s 4 (machine limit)", Bench.median(source));
                }
            } else {
                System.out.println("BENCH smtp-source baseline skipped: Postfix is not installed (ran against GreenMail)");
            }
        } finally {
            if (sink != null) {
                sink.destroy();
                sink.waitFor(5, TimeUnit.SECONDS);
            }
            if (greenMail != null) {
                greenMail.stop();
            }
        }
    }

    enum Sender {
        DELIVER_STAGE("pooled transports"),
        /** The JVM option README recommends for a one-shot run on a host with two cores or fewer. */
        DELIVER_STAGE_C1("pooled transports, JVM with " + QUICK_JIT, QUICK_JIT),
        CONNECTION_PER_MESSAGE("a connection per message"),
        /** One JVM sending WARM_UP_SENDS + RUNS issues in a row; the first ones warm it up. */
        DELIVER_STAGE_WARM("pooled transports, one JVM, issue after issue", "-Dpaperwire.test.rounds=" + (WARM_UP_SENDS + RUNS),
                "-Dpaperwire.test.issueBytes=" + ISSUE_HTML_BYTES),
        DELIVER_STAGE_POSTGRES("pooled transports, delivery log on PostgreSQL"),
        MAILER_ONLY("no delivery log, pooled transports");

        final String description;
        final List<String> jvmOptions;

        Sender(String description, String... jvmOptions) {
            this.description = description;
            this.jvmOptions = List.of(jvmOptions);
        }
    }

    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    /**
     * The senders run from the application jar, as `java -jar` does, plus the test classes: a class path of a hundred
     * and fifty jars (the test JVM's) makes every class lookup in the send slower than it is in production.
     */
    static final String SENDER_CLASS_PATH = senderClassPath();

    private static String senderClassPath() {
        Path jar = Path.of("target", "paperwire.jar").toAbsolutePath();
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        return Files.isRegularFile(jar) && Files.isDirectory(testClasses)
                ? testClasses + java.io.File.pathSeparator + jar : null;
    }

    private double sendAfterPublishing(int edition, int port, Sender mode) throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.publishIssue(edition, ISSUE_HTML_BYTES);
        }
        return sendInOwnJvm(port, mode, home).get(0);
    }

    /** Runs {@link SendProcess} on {@code senderHome} (and the database given, if any); messages per second, per send. */
    private List<Double> sendInOwnJvm(int port, Sender mode, Path senderHome, String... database) throws Exception {
        List<String> args = new ArrayList<>(List.of(senderHome.toString(), String.valueOf(port), "4"));
        args.addAll(List.of(database));
        Process sender = SendProcess.command(false, mode == Sender.CONNECTION_PER_MESSAGE, mode == Sender.MAILER_ONLY,
                mode.jvmOptions, SENDER_CLASS_PATH, args.toArray(String[]::new)).start();
        List<String> output = new String(sender.getInputStream().readAllBytes()).lines().toList();
        assertThat(sender.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(sender.exitValue()).as(String.join("\n", output)).isZero();
        List<Double> rates = new ArrayList<>();
        for (String line : output.stream().filter(l -> l.startsWith("SENT ")).toList()) {
            String[] result = line.split(" ");
            int sent = Integer.parseInt(result[1]);
            long millis = Long.parseLong(result[3]);
            long heapMb = Long.parseLong(result[5]);
            assertThat(sent).isEqualTo(SUBSCRIBERS);
            System.out.printf("BENCH run (%s): %d messages in %d ms, peak heap %d MB (JVM capped at 256 MB)%n",
                    mode.description, sent, millis, heapMb);
            rates.add(sent * 1000.0 / millis);
        }
        assertThat(rates).isNotEmpty();
        return rates;
    }

    /**
     * {@code paperwire run --sample --force} on a home with 10,000 subscribers (imported with {@code subscribers
     * import}), mailing through the sink; the rate is the run's own record of its deliver stage.
     */
    record RunCommand(Path home, List<String> settings, int messageBytes) {
        static final Path LAUNCHER = Path.of("target", "paperwire").toAbsolutePath();
        static final Path JAR = Path.of("target", "paperwire.jar").toAbsolutePath();
        /** A 32 KB message: the sample issue cut from 20 papers to 8, the size the issue asks for (~30 KB). */
        static final List<String> EIGHT_PAPERS = List.of("--set", "paperwire.select.highlights=4",
                "--set", "paperwire.select.noteworthy=4");

        static Optional<RunCommand> prepare(Path home, int port) throws Exception {
            if (!Files.isExecutable(LAUNCHER) || !Files.isRegularFile(JAR)) {
                return Optional.empty();
            }
            Files.createDirectories(home);
            StringBuilder csv = new StringBuilder("email\n");
            for (int i = 0; i < SUBSCRIBERS; i++) {
                csv.append(DeliveryFixture.address(i)).append('\n');
            }
            Files.writeString(home.resolve("subscribers.csv"), csv);
            run(true, "--home", home.toString(), "subscribers", "import", home.resolve("subscribers.csv").toString());

            // The message's size, from the same command mailing its demo reader into an outbox.
            Path probe = Files.createDirectories(home.resolveSibling(home.getFileName() + "-probe"));
            List<String> args = new ArrayList<>(List.of("--home", probe.toString()));
            args.addAll(EIGHT_PAPERS);
            args.addAll(List.of("run", "--sample"));
            run(true, args.toArray(String[]::new));
            int messageBytes;
            try (var outbox = Files.list(probe.resolve("out/outbox"))) {
                messageBytes = (int) Files.size(outbox.findFirst().orElseThrow());
            }

            List<String> settings = new ArrayList<>(EIGHT_PAPERS);
            settings.addAll(List.of("--set", "paperwire.smtp.host=127.0.0.1", "--set", "paperwire.smtp.port=" + port,
                    "--set", "paperwire.smtp.starttls=false"));
            return Optional.of(new RunCommand(home, settings, messageBytes));
        }

        /** Messages per second of the deliver stage of one more edition of the sample week. */
        double deliveryRate(boolean launcher) throws Exception {
            List<String> args = new ArrayList<>(List.of("--home", home.toString()));
            args.addAll(settings);
            args.addAll(List.of("run", "--sample", "--force"));
            run(launcher, args.toArray(String[]::new));
            try (Database database = Database.open(PaperwireSettings.load(home, Map.of(), Map.of()).db(),
                    home.resolve("data"))) {
                StageRecord deliver = new RunLog(database).latest().orElseThrow().stages().stream()
                        .filter(stage -> stage.stage().equals("deliver-issue")).findFirst().orElseThrow();
                assertThat(deliver.counts().get("sent")).isEqualTo(SUBSCRIBERS);
                System.out.printf("BENCH run (paperwire run, %s): %d messages of %d bytes in %d ms (heap capped at 256 MB)%n",
                        launcher ? "target/paperwire" : "java -jar", SUBSCRIBERS, messageBytes, deliver.durationMillis());
                return SUBSCRIBERS * 1000.0 / deliver.durationMillis();
            }
        }

        /** The launcher gets its heap cap through JAVA_OPTS, as an operator would give it. */
        private static void run(boolean launcher, String... args) throws Exception {
            List<String> command = new ArrayList<>(launcher ? List.of(LAUNCHER.toString())
                    : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("JAVA_OPTS", "-Xmx256m");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        }
    }

    private static int size(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.size();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
