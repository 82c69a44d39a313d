package io.paperwire.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Json;
import io.paperwire.testing.AdminRuns;
import io.paperwire.testing.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so this checks what can be checked of {@code docker/compose.yaml}: every variable it
 * sets is a real setting, and the jar serves, reports healthy and serves the archive a sample run publishes with
 * exactly that environment (plus the operator's admin token), only pointed at the loopback PostgreSQL and a local
 * mail server instead of the {@code postgres} and {@code mailpit} containers.
 */
class ComposeEnvironmentIT {

    static final Path COMPOSE = Path.of("docker/compose.yaml");
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");
    static final Set<String> SECRETS = Set.of("PAPERWIRE_DB_PASSWORD", "PAPERWIRE_SMTP_PASSWORD",
            "PAPERWIRE_LLM_API_KEY", "PAPERWIRE_ADMIN_TOKEN", "PAPERWIRE_SECRET");
    static final String ADMIN_TOKEN = "compose-test-admin-token-0123456789";

    @TempDir
    Path home;

    /** The paperwire service's environment, with {@code ${VAR:-default}} resolved as compose does with VAR unset. */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment() throws Exception {
        Map<String, Object> compose = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(COMPOSE));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("paperwire", "postgres", "mailpit", "ollama");
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get("paperwire"))
                .get("environment");
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((key, value) -> {
            Matcher m = INTERPOLATION.matcher(String.valueOf(value));
            resolved.put(key, m.replaceAll(r -> Matcher.quoteReplacement(r.group(2) == null ? "" : r.group(2))));
        });
        return resolved;
    }

    @Test
    void composeSetsOnlyRealSettings() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = PaperwireSettings.class.getResourceAsStream("/application.properties")) {
            defaults.load(in);
        }
        Set<String> known = new HashSet<>(SECRETS);
        defaults.stringPropertyNames().forEach(key -> known.add(PaperwireSettings.environmentName(key)));
        assertThat(composeEnvironment().keySet()).isNotEmpty().allSatisfy(name -> assertThat(known).contains(name));
    }

    @Test
    void theJarServesHealthyAndServesTheArchiveWithTheComposeEnvironment() throws Exception {
        LocalPostgres postgres = LocalPostgres.freshSchemaOrSkip();
        int smtpPort = ServeNode.freePort();
        int httpPort = ServeNode.freePort();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Map<String, String> environment = composeEnvironment();
        assertThat(environment.get("PAPERWIRE_DB_URL")).contains("//postgres:5432/");
        assertThat(environment.get("PAPERWIRE_SMTP_HOST")).isEqualTo("mailpit");
        assertThat(environment.get("PAPERWIRE_SITE_BASE_URL")).isEqualTo("http://localhost:8080");
        assertThat(environment.get("PAPERWIRE_ADMIN_TOKEN")).as("the admin API is off unless the operator sets a token")
                .isEmpty();
        // Only where the services are changes: the loopback PostgreSQL (trust auth) and mail server, a free port.
        environment.put("PAPERWIRE_DB_URL", postgres.url());
        environment.put("PAPERWIRE_DB_USERNAME", postgres.user());
        environment.put("PAPERWIRE_DB_PASSWORD", "");
        environment.put("PAPERWIRE_SMTP_HOST", "127.0.0.1");
        environment.put("PAPERWIRE_SMTP_PORT", String.valueOf(smtpPort));
        environment.put("PAPERWIRE_HTTP_PORT", String.valueOf(httpPort));
        // The operator's .env: a token, so that a run can be started through the admin API.
        environment.put("PAPERWIRE_ADMIN_TOKEN", ADMIN_TOKEN);
        try (ServeProcess node = ServeProcess.start(home, Path.of("target/paperwire.jar"), environment, httpPort,
                "--home", home.toString(), "serve")) {
            HttpResponse<String> health = node.awaitHealth(Duration.ofSeconds(120));
            assertThat(health.statusCode()).as(node.log()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = Json.read(health.body(), Map.class);
            assertThat(body).containsEntry("status", "UP").containsEntry("database", "UP").containsEntry("smtp", "UP");

            // The archive at /: published by a sample run, served by the same process.
            URI base = URI.create("http://127.0.0.1:" + httpPort + "/");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> queued = http.send(HttpRequest.newBuilder(base.resolve("api/runs"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sample\": true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
            URI status = base.resolve(queued.headers().firstValue("Location").orElseThrow().substring(1));
            String run = AdminRuns.awaitOver(http, status, ADMIN_TOKEN, Duration.ofSeconds(120));
            assertThat(AdminRuns.stateOf(run)).as(run + "\n" + node.log()).isEqualTo(RunState.SUCCEEDED);
            for (String page : new String[] {"", "issues/2024-W21.html"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("/" + page).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as("/" + page).hasValue("text/html; charset=utf-8");
                assertThat(response.body()).as("/" + page).contains("2024-W21").contains("form class=\"subscribe\"");
            }
            assertThat(node.log()).doesNotContain("ERROR");
        } finally {
            mail.stop();
            postgres.drop();
        }
    }
}
