package io.paperwire.ops;

import io.paperwire.app.PaperwireApplication;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code paperwire serve} in this JVM on a free port, with a small HTTP client for its endpoints. */
final class ServeNode implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0123456789";

    private final PaperwireApplication app;
    private final Thread thread;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServeNode(PaperwireApplication app, Thread thread, int port) {
        this.app = app;
        this.thread = thread;
        this.port = port;
    }

    /** Starts serve on the home folder with these settings (sample schedule by default, never the weekly cron). */
    static ServeNode start(Path home, Map<String, String> environment, Map<String, String> overrides) {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("paperwire.http.port", String.valueOf(port));
        all.put("paperwire.schedule.sample", "true");
        all.put("paperwire.schedule.grace-minutes", "0");
        all.putAll(overrides);
        PaperwireSettings settings = PaperwireSettings.load(home, environment, all);
        PaperwireApplication app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
        Thread thread = new Thread(() -> {
            try {
                app.serve();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "serve-" + port);
        thread.setDaemon(true);
        thread.start();
        ServeNode node = new ServeNode(app, thread, port);
        // The HTTP server listens a moment before the routes are on it, and answers 404 meanwhile.
        node.awaitUntil(Duration.ofSeconds(60), () -> {
            HttpResponse<String> health = node.getQuietly("/health");
            return health != null && health.statusCode() != 404;
        });
        return node;
    }

    static ServeNode withToken(Path home, Map<String, String> overrides) {
        return start(home, Map.of("PAPERWIRE_ADMIN_TOKEN", TOKEN), overrides);
    }

    PaperwireApplication app() {
        return app;
    }

    RunLog runs() {
        return app.operations().runs();
    }

    /** Whether serve's start made up a missed scheduled run, once it has decided. */
    boolean caughtUp() {
        try {
            return app.operations().catchUpDecided().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("serve did not decide about catching up within 60 s: " + e, e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    HttpResponse<String> post(String path, String json, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return Json.read(response.body(), Map.class);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.build().uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> getQuietly(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until the condition holds; fails the test naming what was awaited when it does not in time. */
    static void awaitUntil(Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met within " + limit);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stopServing();
        try {
            thread.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.close();
    }
}
