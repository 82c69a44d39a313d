package io.paperwire;

import io.paperwire.app.PaperwireApplication;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.BackgroundServe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code paperwire serve} starts, answers on its port, and stops cleanly. */
class ServeIT {

    @TempDir
    Path home;

    @Test
    void servesUntilToldToStop() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of("paperwire.http.port", String.valueOf(port)));
        PaperwireApplication app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
        // Closing stops serve and fails unless it returns within 30 s.
        try (app; BackgroundServe ignored = BackgroundServe.start(app)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            // The HTTP server listens a moment before the routes are on it, and answers 404 meanwhile.
            for (int i = 0; i < 100 && (health == null || health.statusCode() == 404); i++) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    health = null;
                }
                if (health == null || health.statusCode() == 404) {
                    Thread.sleep(100);
                }
            }
            assertThat(health).as("serve answered on port " + port).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
        }
    }
}
