package io.paperwire;

import io.paperwire.app.PaperwireApplication;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.ops.RunState;
import io.paperwire.testing.AdminRuns;
import io.paperwire.testing.BackgroundServe;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code paperwire serve} from a bare folder serves the archive it publishes at {@code /}, next to the admin API,
 * {@code /health} and the subscription pages: what a reader follows from the email, the feeds, revalidation, path
 * traversal, the 404 page, the subscribe form posted as a browser does, and a second issue at once.
 */
class ArchiveServeIT {

    static final String TOKEN = "test-admin-token-0123456789";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void servesThePublishedArchiveBesideTheApi() throws Exception {
        try (PaperwireApplication app = start(Map.of()); BackgroundServe ignored = BackgroundServe.start(app)) {
            awaitHealth();
            assertThat(get("/").statusCode()).as("nothing published yet").isEqualTo(404);
            runSample("{\"sample\": true}");

            Path eml;
            try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
                eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
            }
            MimeMessage issueMail = Eml.read(eml);
            Matcher view = Pattern.compile("View in browser: (\\S+)").matcher(Eml.part(issueMail, "text/plain"));
            assertThat(view.find()).isTrue();
            HttpResponse<String> issuePage = http.send(HttpRequest.newBuilder(URI.create(view.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(issuePage.statusCode()).as(view.group(1)).isEqualTo(200);
            assertThat(issuePage.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(issuePage.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
            assertThat(issuePage.body()).contains("2024-W21");

            Map<String, String> types = Map.of("/", "text/html; charset=utf-8",
                    "/index.html", "text/html; charset=utf-8", "/feed.xml", "application/atom+xml; charset=utf-8",
                    "/feed.json", "application/feed+json; charset=utf-8", "/search.html", "text/html; charset=utf-8",
                    "/search.json", "application/json; charset=utf-8", "/sitemap.xml", "application/xml; charset=utf-8",
                    "/assets/style.css", "text/css; charset=utf-8", "/assets/search.js", "text/javascript; charset=utf-8");
            types.forEach((path, type) -> {
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue(type);
            });
            HttpResponse<String> font = get("/assets/katex/fonts/KaTeX_Main-Regular.woff2");
            assertThat(font.statusCode()).as("a KaTeX font").isEqualTo(200);
            assertThat(font.headers().firstValue("Content-Type")).as("a KaTeX font").hasValue("font/woff2");
            assertThat(get("/").headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(get("/feed.xml").headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(get("/assets/search-index.js").headers().firstValue("Cache-Control")).hasValue("no-cache");

            HttpResponse<String> front = get("/");
            String etag = front.headers().firstValue("ETag").orElseThrow();
            String lastModified = front.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<String> revalidated = send(request("/").header("If-None-Match", etag).build());
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
            assertThat(send(request("/").header("If-Modified-Since", lastModified).build()).statusCode()).isEqualTo(304);
            assertThat(send(request("/").header("If-None-Match", "\"other\"").build()).statusCode()).isEqualTo(200);
            HttpResponse<String> head = send(request("/feed.xml").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(head.body()).isEmpty();

            // Files outside the site folder, and a symlink inside it that points out.
            Files.writeString(home.resolve("paperwire.properties"), "# secret-outside-the-site\n");
            Files.writeString(home.resolve("out/secret.txt"), "secret-outside-the-site\n");
            Files.createSymbolicLink(home.resolve("out/site/leak.txt"), home.resolve("out/secret.txt"));
            for (String path : List.of("/../secret.txt", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fpaperwire.properties",
                    "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt", "/leak.txt", "/issues/%2e%2e/%2e%2e/secret.txt")) {
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain("secret-outside-the-site").doesNotContain("root:");
            }
            HttpResponse<String> missing = get("/issues/1999-W01.html");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            Document notFound = Jsoup.parse(missing.body());
            assertThat(notFound.select("h1").text()).isEqualTo("Page not found");
            assertThat(notFound.select("link[rel=stylesheet]").attr("href")).isEqualTo(base() + "/assets/style.css");

            // The API, health and subscription pages keep their paths.
            assertThat(get("/health").body()).contains("UP");
            HttpResponse<String> subscribePage = get("/subscribe");
            assertThat(subscribePage.body()).contains("<form");
            assertThat(subscribePage.headers().firstValue("Cache-Control")).hasValue("no-store");
            // The subscription pages link the archive's stylesheet and front page at the base URL: both answer now.
            Document subscribeDocument = Jsoup.parse(subscribePage.body(), base() + "/subscribe");
            for (String link : List.of(subscribeDocument.select("link[rel=stylesheet]").attr("abs:href"),
                    subscribeDocument.select("a.brand").attr("abs:href"))) {
                assertThat(send(HttpRequest.newBuilder(URI.create(link)).build()).statusCode()).as(link).isEqualTo(200);
            }
            assertThat(send(request("/api/runs").header("Authorization", "Bearer " + TOKEN).build()).body())
                    .contains("succeeded");

            // Subscribing from the front page and from an issue page, as a browser posts the form.
            subscribeThroughTheForm(Jsoup.parse(front.body(), base() + "/"), "front@example.org");
            subscribeThroughTheForm(Jsoup.parse(issuePage.body(), view.group(1)), "issue@example.org");

            runSample("{\"sample\": true, \"force\": true}");
            HttpResponse<String> newFront = get("/");
            assertThat(newFront.body()).contains("issues/2024-W21-2.html");
            assertThat(send(request("/").header("If-None-Match", etag).build()).statusCode()).isEqualTo(200);
            assertThat(get("/issues/2024-W21-2.html").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void keepsOnlyTheApiAndSubscriptionPagesWhenTheArchiveIsServedElsewhere() throws Exception {
        try (PaperwireApplication app = start(Map.of("paperwire.site.serve", "false"));
             BackgroundServe ignored = BackgroundServe.start(app)) {
            awaitHealth();
            runSample("{\"sample\": true, \"send\": false}");
            assertThat(home.resolve("out/site/index.html")).exists();
            assertThat(get("/").statusCode()).isEqualTo(404);
            assertThat(get("/index.html").statusCode()).isEqualTo(404);
            assertThat(get("/health").statusCode()).isEqualTo(200);
            assertThat(get("/subscribe").statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(home.resolve("out/site/index.html").toFile()).select("form.subscribe"))
                    .as("no form: nobody takes subscriptions for this archive").isEmpty();
        }
    }

    private void subscribeThroughTheForm(Document page, String email) throws Exception {
        Element form = page.selectFirst("form.subscribe");
        assertThat(form).as("subscribe form on " + page.location()).isNotNull();
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(page.select("form.subscribe input[type=email]").attr("name")).isEqualTo("email");
        long mailsBefore = outboxMails();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .build());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(answer.body()).contains("confirmation email is on its way");
        assertThat(outboxMails()).isEqualTo(mailsBefore + 1);
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml")).anyMatch(f -> {
                try {
                    return Files.readString(f).contains("To: " + email);
                } catch (Exception e) {
                    return false;
                }
            })).as("confirmation mail to " + email).isTrue();
        }
    }

    private long outboxMails() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    private PaperwireApplication start(Map<String, String> overrides) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("paperwire.http.port", String.valueOf(port));
        settings.put("paperwire.site.base-url", base());
        return new PaperwireApplication(PaperwireSettings.load(home, Map.of("PAPERWIRE_ADMIN_TOKEN", TOKEN), settings),
                PaperwireApplication.Mode.SERVE);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts a run through the admin API and waits until it is over; fails unless it succeeded. */
    private void runSample(String json) throws Exception {
        HttpResponse<String> queued = send(request("/api/runs").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String status = queued.headers().firstValue("Location").orElseThrow();
        String body = AdminRuns.awaitOver(HttpClient.newHttpClient(), URI.create(base() + status), TOKEN,
                Duration.ofSeconds(90));
        assertThat(AdminRuns.stateOf(body)).as("run " + status + ": " + body).isEqualTo(RunState.SUCCEEDED);
    }

    private void awaitHealth() throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(end)) {
            try {
                // The HTTP server listens a moment before the routes are on it, and answers 404 meanwhile.
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not answer /health on port " + port);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        }
    }
}
