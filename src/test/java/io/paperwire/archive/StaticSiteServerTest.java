package io.paperwire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class StaticSiteServerTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesWithTheirTypeAndFolderIndexes() throws Exception {
        Files.createDirectories(root.resolve("site/assets"));
        Files.writeString(root.resolve("site/index.html"), "<html><body>home</body></html>");
        Files.writeString(root.resolve("site/assets/a.css"), "body{}");
        try (StaticSiteServer server = StaticSiteServer.start(root, 0)) {
            assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> page = get(server.uri().resolve("site/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<html><body>home</body></html>");
            assertThat(get(server.uri().resolve("site/assets/a.css")).headers().firstValue("Content-Type"))
                    .hasValue("text/css; charset=utf-8");
            assertThat(get(server.uri().resolve("site/missing.html")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void neverServesFilesOutsideItsFolder() throws Exception {
        Path inside = Files.createDirectories(root.resolve("www"));
        Files.writeString(root.resolve("secret.txt"), "secret");
        try (StaticSiteServer server = StaticSiteServer.start(inside, 0)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(server.uri() + "..%2Fsecret.txt")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("secret\n").isNotEqualTo("secret");
        }
    }

    @Test
    void pagesOfALivePreviewReloadWhenTheVersionChanges() throws Exception {
        Files.writeString(root.resolve("index.html"), "<html><body>home</body></html>");
        AtomicLong version = new AtomicLong(7);
        try (StaticSiteServer server = StaticSiteServer.start(root, 0, version::get)) {
            assertThat(get(server.uri().resolve("index.html")).body())
                    .contains(StaticSiteServer.VERSION_PATH).contains("location.reload()").endsWith("</body></html>");
            assertThat(get(server.uri().resolve(StaticSiteServer.VERSION_PATH.substring(1))).body()).isEqualTo("7");
            version.incrementAndGet();
            assertThat(get(server.uri().resolve(StaticSiteServer.VERSION_PATH.substring(1))).body()).isEqualTo("8");
        }
    }
}
