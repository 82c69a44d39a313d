package io.paperwire.deliver;

import io.paperwire.testing.PostfixLoopback;
import io.paperwire.testing.Bench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal picks at list size (issue 18): 10,000 subscribers, each with preferences of their own and two votes, and
 * a week of 10,000 candidates with synthetic random unit vectors (384 dimensions, as all-MiniLM-L6-v2's; the
 * ranking's cost does not depend on what they mean) from {@link PersonalWeek}. Figures, each the median of 3 runs in
 * fresh JVMs capped at {@code -Xmx512m}, taken round-robin with Postfix's {@code smtp-source}:
 * <ul>
 *   <li>the time to rank every reader against every candidate, from loading the stored week to each reader's picks
 *       (the JVM default, as {@code serve} runs, wall and CPU time; and with {@code -XX:TieredStopAtLevel=1}, as the
 *       launcher starts {@code run} on two cores), and the heap;</li>
 *   <li>the personalise stage (every reader ranked and their picks stored), then in the same JVM, as a run does,
 *       the whole deliver stage to {@code smtp-sink} with the personal parts (a For-you section, the preferences and
 *       feedback tokens of each message), in messages per second, against {@code smtp-source} with messages of the
 *       same size and against the same stage sending the shared issue alone; and both stages together;</li>
 *   <li>the same with the quick JIT the launcher gives {@code run} on two cores, and in a JVM that has sent an
 *       issue before (as {@code serve}'s weekly schedule runs the second week on).</li>
 * </ul>
 */
class PersonalPicksBenchmark {

    static final int SUBSCRIBERS = 10_000;
    static final int CANDIDATES = 10_000;
    static final int RUNS = Integer.getInteger("paperwire.bench.runs", 3);
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path home;

    @Test
    void rankingAndDeliveryWithPersonalSections() throws Exception {
        Path sinkBinary = Path.of("/usr/sbin/smtp-sink");
        assertThat(sinkBinary).as("Postfix's smtp-sink").isExecutable();
        int port = PostfixLoopback.freePort();
        List<String> sinkCommand = new ArrayList<>(List.of(sinkBinary.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            sinkCommand.addAll(List.of("-u", "postfix"));
        }
        sinkCommand.addAll(List.of("127.0.0.1:" + port, "256"));
        Process sink = new ProcessBuilder(sinkCommand).redirectErrorStream(true)
                .redirectOutput(home.resolve("sink.log").toFile()).start();
        PostfixLoopback.waitForPort(port);
        try {
            PersonalWeek week = new PersonalWeek(18);
            long setUp = System.nanoTime();
            try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
                week.prepare(fixture, SUBSCRIBERS, CANDIDATES);
            }
            System.out.printf("Personal picks benchmark: %d readers x %d candidates (synthetic random unit vectors),"
                    + " stored in %d ms; smtp-sink on 127.0.0.1:%d%n", SUBSCRIBERS, CANDIDATES,
                    (System.nanoTime() - setUp) / 1_000_000, port);
            List<Double> rankSeconds = new ArrayList<>();
            List<Double> rankQuickJit = new ArrayList<>();
            List<Double> rankCpu = new ArrayList<>();
            List<Double> rankPeakHeap = new ArrayList<>();
            List<Double> rankLiveHeap = new ArrayList<>();
            List<Double> personal = new ArrayList<>();
            List<Double> endToEnd = new ArrayList<>();
            List<Double> personalise = new ArrayList<>();
            List<Double> sendPeakHeap = new ArrayList<>();
            List<Double> shared = new ArrayList<>();
            List<Double> personalQuickJit = new ArrayList<>();
            List<Double> sharedQuickJit = new ArrayList<>();
            List<Double> personalWarm = new ArrayList<>();
            List<Double> endToEndWarm = new ArrayList<>();
            List<Double> sharedWarm = new ArrayList<>();
            List<Double> source = new ArrayList<>();
            int personalBytes = 0;
            int edition = 1;
            for (int run = 1; run <= RUNS; run++) {
                String[] ranked = worker(port, "rank", List.of()).split(" ");
                rankSeconds.add(Long.parseLong(ranked[3]) / 1000.0);
                rankPeakHeap.add(Double.parseDouble(ranked[5]));
                rankLiveHeap.add(Double.parseDouble(ranked[7]));
                rankCpu.add(Long.parseLong(ranked[9]) / 1000.0);
                rankQuickJit.add(Long.parseLong(worker(port, "rank", List.of(QUICK_JIT)).split(" ")[3]) / 1000.0);
                publish(week, ++edition);
                String[] sent = worker(port, "personal", List.of()).split(" ");
                personal.add(SUBSCRIBERS * 1000.0 / Long.parseLong(sent[3]));
                personalise.add(Long.parseLong(sent[9]) / 1000.0);
                endToEnd.add(SUBSCRIBERS * 1000.0 / (Long.parseLong(sent[3]) + Long.parseLong(sent[9])));
                sendPeakHeap.add(Double.parseDouble(sent[5]));
                personalBytes = Integer.parseInt(sent[7]);
                publish(week, ++edition);
                shared.add(SUBSCRIBERS * 1000.0 / Long.parseLong(worker(port, "shared", List.of()).split(" ")[3]));
                publish(week, ++edition);
                personalQuickJit.add(SUBSCRIBERS * 1000.0
                        / Long.parseLong(worker(port, "personal", List.of(QUICK_JIT)).split(" ")[3]));
                publish(week, ++edition);
                String[] warm = worker(port, "personal", List.of(), "warm").split(" ");
                edition++; // the warm worker published the next edition itself
                personalWarm.add(SUBSCRIBERS * 1000.0 / Long.parseLong(warm[3]));
                endToEndWarm.add(SUBSCRIBERS * 1000.0 / (Long.parseLong(warm[3]) + Long.parseLong(warm[9])));
                publish(week, ++edition);
                sharedWarm.add(SUBSCRIBERS * 1000.0 / Long.parseLong(worker(port, "shared", List.of(), "warm")
                        .split(" ")[3]));
                edition++;
                publish(week, ++edition);
                sharedQuickJit.add(SUBSCRIBERS * 1000.0
                        / Long.parseLong(worker(port, "shared", List.of(QUICK_JIT)).split(" ")[3]));
                source.add(PostfixLoopback.smtpSource(port, SUBSCRIBERS, personalBytes));
            }
            String size = SUBSCRIBERS / 1000 + "k readers x " + CANDIDATES / 1000 + "k candidates";
            Bench.report("rank " + size + " (JVM default)", rankSeconds, "s", "the issue's aim of 5 s on 2 cores", 5);
            Bench.report("rank " + size + ", CPU time of the process (JVM default)", rankCpu, "s",
                    "the issue's aim of 5 s on 2 cores (10 s of CPU)", 10);
            Bench.report("rank " + size + " (JVM " + QUICK_JIT + ")", rankQuickJit, "s",
                    "the issue's aim of 5 s on 2 cores", 5);
            Bench.report("rank " + size + ", peak heap (-Xmx512m)", rankPeakHeap, "MB", "the issue's aim of 512 MB", 512);
            Bench.report("rank " + size + ", live heap after GC", rankLiveHeap, "MB", "the issue's aim of 512 MB", 512);
            Bench.report("personalise stage: rank and store " + size, personalise, "s",
                    "the issue's aim of 5 s on 2 cores (for ranking)", 5);
            String deliver = "deliver 10k personal x " + personalBytes / 1024 + "KB to smtp-sink";
            Bench.report(deliver, personal, "msg/s", "Postfix smtp-source -d -s 4 (machine limit), messages of "
                    + personalBytes + " bytes", Bench.median(source));
            Bench.report("personalise + " + deliver, endToEnd, "msg/s", "Postfix smtp-source -d -s 4 (machine limit),"
                    + " messages of " + personalBytes + " bytes", Bench.median(source));
            Bench.report(deliver, personal, "msg/s", "the same stage sending the shared issue alone (no personal parts)",
                    Bench.median(shared));
            Bench.report("personalise + " + deliver + ", peak heap in use (-Xmx512m)", sendPeakHeap, "MB",
                    "the issue's aim of 512 MB", 512);
            String quick = deliver + " (JVM " + QUICK_JIT + ", as the launcher runs `run` on 2 cores)";
            Bench.report(quick, personalQuickJit, "msg/s", "Postfix smtp-source -d -s 4 (machine limit), messages of "
                    + personalBytes + " bytes", Bench.median(source));
            Bench.report(quick, personalQuickJit, "msg/s", "the same stage sending the shared issue alone, same JVM"
                    + " options", Bench.median(sharedQuickJit));
            String warmDeliver = deliver + " (a JVM that sent an issue before, as serve's weekly schedule)";
            Bench.report(warmDeliver, personalWarm, "msg/s", "Postfix smtp-source -d -s 4 (machine limit), messages of "
                    + personalBytes + " bytes", Bench.median(source));
            Bench.report("personalise + " + warmDeliver, endToEndWarm, "msg/s", "Postfix smtp-source -d -s 4 (machine"
                    + " limit), messages of " + personalBytes + " bytes", Bench.median(source));
            Bench.report(warmDeliver, personalWarm, "msg/s", "the same stage sending the shared issue alone, in a JVM"
                    + " that sent an issue before", Bench.median(sharedWarm));
        } finally {
            sink.destroy();
            sink.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void publish(PersonalWeek week, int edition) {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            week.publish(fixture, edition);
        }
    }

    private String worker(int port, String mode, List<String> jvmOptions) throws Exception {
        return worker(port, mode, jvmOptions, "cold");
    }

    /** Runs {@link PersonalSendProcess} in a fresh JVM capped at 512 MB; its result line. */
    private String worker(int port, String mode, List<String> jvmOptions, String warmth) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        command.addAll(jvmOptions);
        command.addAll(List.of(PersonalSendProcess.class.getName(), home.toString(), String.valueOf(port), "4", mode,
                warmth));
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new String(worker.getInputStream().readAllBytes()).lines().toList();
        assertThat(worker.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(worker.exitValue()).as(String.join("\n", output)).isZero();
        String result = output.stream().filter(l -> l.startsWith("RANKED ") || l.startsWith("SENT ")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", output)));
        System.out.printf("BENCH run (%s%s%s): %s%n", mode, jvmOptions.isEmpty() ? "" : ", " + jvmOptions,
                warmth.equals("warm") ? ", warm" : "", result);
        if (result.startsWith("SENT ")) {
            assertThat(result).startsWith("SENT " + SUBSCRIBERS + " ");
        } else {
            assertThat(result).startsWith("RANKED " + SUBSCRIBERS + " ");
        }
        return result;
    }
}
