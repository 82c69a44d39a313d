package io.paperwire.ops;

import io.paperwire.testing.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code serve} processes sharing the PostgreSQL on 127.0.0.1:5432 (clustered Quartz): each fire time of a cron
 * every few seconds makes exactly one run, on one node; killing the node in the middle of a run lets the other take
 * the run over and finish it.
 */
class ClusterIT {

    static final Pattern STARTED = Pattern.compile("Scheduled run for (\\S+) of \\S+ starting");

    @TempDir
    Path dir;

    LocalPostgres postgres;
    final List<ServeProcess> nodes = new ArrayList<>();

    @BeforeEach
    void database() {
        postgres = LocalPostgres.freshSchemaOrSkip();
    }

    @AfterEach
    void stop() throws Exception {
        for (ServeProcess node : nodes) {
            node.close();
        }
        if (postgres != null) {
            postgres.drop();
        }
    }

    /**
     * The project's routes (the build runs in the project folder), with a pause right after a run begins, before its
     * first stage, so every run (the week's first, and the later ones that find it published) lasts long enough to
     * kill its node.
     */
    private Path homeWithSlowRuns(String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        copyFolder(Path.of("routes"), home.resolve("routes"));
        Path run = home.resolve("routes/run.camel.yaml");
        String yaml = Files.readString(run);
        Matcher begin = Pattern.compile("(?m)^(\\s*)- bean:\\n\\s*ref: runs\\n\\s*method: begin\\n").matcher(yaml);
        assertThat(begin.find()).as("run.camel.yaml begins a run with runs.begin").isTrue();
        String indent = begin.group(1);
        Files.writeString(run, yaml.substring(0, begin.end()) + indent + "- delay:\n" + indent + "    constant: \"4000\"\n"
                + yaml.substring(begin.end()));
        return home;
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private ServeProcess node(String id) throws Exception {
        Path home = homeWithSlowRuns(id);
        int port = ServeNode.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PAPERWIRE_DB_URL", postgres.url());
        env.put("PAPERWIRE_DB_USERNAME", postgres.user());
        env.put("PAPERWIRE_HTTP_PORT", String.valueOf(port));
        env.put("PAPERWIRE_SCHEDULE_CRON", "*/5 * * * * ?");
        env.put("PAPERWIRE_SCHEDULE_SAMPLE", "true");
        env.put("PAPERWIRE_SCHEDULE_GRACE_MINUTES", "0");
        env.put("PAPERWIRE_CLUSTER_NODE_ID", id);
        // Selection by meaning loads an embedding model per process; it is not what this test is about.
        env.put("PAPERWIRE_SELECT_SEMANTIC", "false");
        ServeProcess node = ServeProcess.start(home, null, env, port, "--home", home.toString(), "serve");
        nodes.add(node);
        return node;
    }

    private record Run(long id, String state, String node, int attempts, Instant scheduledFor, boolean anyStageDone) {}

    private List<Run> runs() throws Exception {
        List<Run> runs = new ArrayList<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id, state, node, attempts, scheduled_for, stages FROM runs ORDER BY id")) {
            while (rows.next()) {
                runs.add(new Run(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                        rows.getTimestamp(5) == null ? null : rows.getTimestamp(5).toInstant(), rows.getString(6) != null));
            }
        }
        return runs;
    }

    private List<Run> runsQuietly() {
        try {
            return runs();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    @Test
    void eachFireTimeRunsOnceOnOneNodeAndASurvivorFinishesTheRunOfAKilledNode() throws Exception {
        ServeProcess a = node("node-a");
        ServeProcess b = node("node-b");
        a.awaitHealth(Duration.ofSeconds(90));
        b.awaitHealth(Duration.ofSeconds(90));

        try {
            ServeNode.awaitUntil(Duration.ofSeconds(90), () -> runsQuietly().stream()
                    .filter(r -> r.state().equals("succeeded")).count() >= 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; runs: " + runsQuietly() + "\n--- node-a\n" + tail(a.log())
                    + "\n--- node-b\n" + tail(b.log()), e);
        }
        Run[] running = new Run[1];
        // A run still in its pause before the first stage: killing its node now surely interrupts it.
        ServeNode.awaitUntil(Duration.ofSeconds(30), () -> (running[0] = runsQuietly().stream()
                .filter(r -> r.state().equals("running") && !r.anyStageDone()).findFirst().orElse(null)) != null);
        Run victim = running[0];
        ServeProcess holder = victim.node().equals("node-a") ? a : b;
        String survivor = victim.node().equals("node-a") ? "node-b" : "node-a";
        holder.kill();

        try {
            ServeNode.awaitUntil(Duration.ofSeconds(90), () -> runsQuietly().stream()
                    .anyMatch(r -> r.id() == victim.id() && r.state().equals("succeeded")));
        } catch (AssertionError e) {
            throw new AssertionError("run " + victim + " was not finished by " + survivor + "; runs " + runs()
                    + "\n--- node-a\n" + a.log() + "\n--- node-b\n" + b.log(), e);
        }
        Run recovered = runs().stream().filter(r -> r.id() == victim.id()).findFirst().orElseThrow();
        assertThat(recovered.node()).isEqualTo(survivor);
        assertThat(recovered.attempts()).isEqualTo(2);

        List<Run> scheduled = runs().stream().filter(r -> r.scheduledFor() != null).toList();
        assertThat(scheduled).extracting(Run::scheduledFor).doesNotHaveDuplicates();
        assertThat(scheduled).extracting(Run::state).doesNotContain("failed", "abandoned");
        assertThat(scheduled).filteredOn(r -> r.id() <= victim.id()).extracting(Run::state)
                .as("every run up to the taken-over one finished").containsOnly("succeeded");
        Map<String, Integer> startsPerFireTime = new HashMap<>();
        for (String log : List.of(a.log(), b.log())) {
            Matcher m = STARTED.matcher(log);
            while (m.find()) {
                startsPerFireTime.merge(m.group(1), 1, Integer::sum);
            }
            assertThat(log).as("no node fired a time another node had fired")
                    .doesNotContain("exists already").doesNotContain("was started by another node");
        }
        assertThat(startsPerFireTime).isNotEmpty().allSatisfy((fireTime, starts) ->
                assertThat(starts).as("starts of the run scheduled for " + fireTime).isEqualTo(1));
    }
}
