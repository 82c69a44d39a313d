package io.paperwire.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code paperwire serve} as a separate process (so a test can kill it), its output in a log file. */
final class ServeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServeProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code java -jar target/paperwire.jar …} when {@code jar} is given, else the test classpath. */
    static ServeProcess start(Path workDir, Path jar, Map<String, String> environment, int port, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        if (jar != null) {
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.paperwire.Paperwire"));
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Path log = workDir.resolve("serve-" + port + ".log");
        builder.redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PAPERWIRE_"));
        builder.environment().putAll(environment);
        return new ServeProcess(builder.start(), log, port);
    }

    /** Waits until {@code /health} answers with the status; fails with the log when the process dies or is slow. */
    HttpResponse<String> awaitHealth(Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant end = Instant.now().plus(limit);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                // The HTTP server listens a moment before the routes are on it, and answers 404 meanwhile.
                if (health.statusCode() != 404) {
                    return health;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("serve did not answer /health within " + limit + ":\n" + log());
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the process at once (SIGKILL), as a crashed node. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
