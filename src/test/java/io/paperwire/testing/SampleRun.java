package io.paperwire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.paperwire.testing.CommandResult.paperwire;

/**
 * One {@code paperwire run --sample} per test JVM, shared by the tests that only read what it produced (or work on a
 * {@link #copyTo copy}): the whole pipeline takes seconds, and several test classes need its result.
 */
public final class SampleRun {

    /** The base URL the shared run publishes under. */
    public static final String BASE_URL = "https://news.example.org/paperwire";

    private static Path home;

    private SampleRun() {}

    /** The home folder of the shared run: {@code out/site}, {@code out/outbox}, {@code data/}. Do not change it. */
    public static synchronized Path home() {
        if (home == null) {
            try {
                Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "sample-run-");
                CommandResult result = paperwire("--home", folder.toString(), "--set",
                        "paperwire.site.base-url=" + BASE_URL, "run", "--sample");
                if (result.exitCode() != 0) {
                    throw new IllegalStateException("the sample run failed: " + result);
                }
                home = folder;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    /** Copies the shared run's home into {@code target}, for a test that goes on from there. */
    public static void copyTo(Path target) {
        Path source = home();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample run to " + target, e);
        }
    }
}
