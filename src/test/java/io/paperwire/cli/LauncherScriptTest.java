package io.paperwire.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher (src/main/sh/paperwire) with a stand-in {@code java} that records its arguments and a stand-in
 * {@code nproc}: which JVM options each command gets, on how many cores.
 */
class LauncherScriptTest {

    static final Path LAUNCHER = Path.of("src/main/sh/paperwire").toAbsolutePath();
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;
    Path bin;
    Path recorded;

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        recorded = dir.resolve("java-args");
        script(bin.resolve("java"), "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$RECORD\"");
    }

    @Test
    void aOneShotCommandOnTwoCoresGetsTheQuickCompilerAndTheJarBesideTheLauncher() throws Exception {
        assertThat(launch(2, Map.of(), "--home", "/srv/paperwire", "run", "--sample"))
                .containsExactly(QUICK_JIT, "-jar", LAUNCHER.getParent().resolve("paperwire.jar").toString(),
                        "--home", "/srv/paperwire", "run", "--sample");
        assertThat(launch(1, Map.of(), "subscribers", "list")).startsWith(QUICK_JIT);
    }

    @Test
    void serveKeepsTheJvmDefaultWhereverItStandsAfterTheOptions() throws Exception {
        assertThat(launch(2, Map.of(), "serve")).containsExactly("-jar", jar(), "serve");
        assertThat(launch(2, Map.of(), "--home", "/srv/paperwire", "--set", "paperwire.http.port=9000", "serve"))
                .first().isEqualTo("-jar");
        assertThat(launch(2, Map.of(), "--home=/srv/paperwire", "serve")).first().isEqualTo("-jar");
    }

    @Test
    void theValueOfAnOptionIsNotTakenForTheCommand() throws Exception {
        assertThat(launch(2, Map.of(), "--home", "serve", "run")).startsWith(QUICK_JIT);
        assertThat(launch(2, Map.of(), "--set", "serve", "serve")).containsExactly("-jar", jar(), "--set", "serve", "serve");
    }

    @Test
    void onMoreThanTwoCoresEveryCommandKeepsTheJvmDefault() throws Exception {
        assertThat(launch(4, Map.of(), "run", "--sample")).containsExactly("-jar", jar(), "run", "--sample");
    }

    @Test
    void javaOptsComeLastSoTheOperatorsOwnOptionWins() throws Exception {
        assertThat(launch(2, Map.of("JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4"), "run"))
                .containsExactly(QUICK_JIT, "-Xmx1g", "-XX:TieredStopAtLevel=4", "-jar", jar(), "run");
    }

    @Test
    void argumentsReachTheJarUnchangedAndJavaHomeIsHonoured() throws Exception {
        Path javaHome = dir.resolve("jdk");
        script(Files.createDirectories(javaHome.resolve("bin")).resolve("java"),
                "echo from-java-home > \"$RECORD\"; for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \"$RECORD\"");

        assertThat(launch(4, Map.of(), "--set", "paperwire.mail.from=Paper Wire <news@example.org>", "run"))
                .containsExactly("-jar", jar(), "--set", "paperwire.mail.from=Paper Wire <news@example.org>", "run");
        assertThat(launch(4, Map.of("JAVA_HOME", javaHome.toString()), "run")).first().isEqualTo("from-java-home");
    }

    private List<String> launch(int cores, Map<String, String> env, String... args) throws Exception {
        script(bin.resolve("nproc"), "echo " + cores);
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_HOME");
        environment.remove("JAVA_OPTS");
        environment.put("PATH", bin + ":" + environment.get("PATH"));
        environment.put("RECORD", recorded.toString());
        environment.putAll(new HashMap<>(env));
        Files.deleteIfExists(recorded);
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes());
        assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).as(output).isZero();
        return Files.readAllLines(recorded);
    }

    private static String jar() {
        return LAUNCHER.getParent().resolve("paperwire.jar").toString();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
