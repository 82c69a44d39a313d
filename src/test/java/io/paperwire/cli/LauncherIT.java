package io.paperwire.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The README's first command as packaged: target/paperwire, executable, finds the jar beside it and runs the job. */
class LauncherIT {

    static final Path LAUNCHER = Path.of("target", "paperwire").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void thePackagedLauncherRunsTheSampleWeek() throws Exception {
        assumeTrue(Files.exists(LAUNCHER), "target/paperwire is made by `mvn package`; run the tests with `mvn verify`");
        assertThat(Files.isExecutable(LAUNCHER)).as("target/paperwire is executable").isTrue();

        Process run = new ProcessBuilder(LAUNCHER.toString(), "--home", home.toString(), "run", "--sample")
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(home.resolve("out/site/issues/2024-W21.html")).isRegularFile();
        try (Stream<Path> outbox = Files.list(home.resolve("out/outbox"))) {
            assertThat(outbox.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
        }
    }
}
