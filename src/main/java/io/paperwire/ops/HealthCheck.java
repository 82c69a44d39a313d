package io.paperwire.ops;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.store.Json;
import org.apache.camel.Exchange;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}: the database (a query within a few seconds), the SMTP server (a TCP connection, when one is
 * configured) and the state of the last run. DOWN (HTTP 503) when the database cannot be reached; a mail server
 * that does not answer is reported but keeps the service UP, since the archive and the API still work.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Database database;
    private final PaperwireSettings.Smtp smtp;
    private final RunLog runs;

    public HealthCheck(Database database, PaperwireSettings.Smtp smtp, RunLog runs) {
        this.database = database;
        this.smtp = smtp;
        this.runs = runs;
    }

    /** The health document; {@code status} is UP or DOWN. */
    public Map<String, Object> check() {
        Map<String, Object> health = new LinkedHashMap<>();
        boolean databaseUp = databaseAnswers();
        health.put("status", databaseUp ? "UP" : "DOWN");
        health.put("database", databaseUp ? "UP" : "DOWN");
        health.put("smtp", !smtp.enabled() ? "OUTBOX" : smtpAnswers() ? "UP" : "DOWN");
        if (databaseUp) {
            runs.latest().ifPresent(run -> health.put("lastRun",
                    Map.of("id", run.id(), "week", run.week().toString(), "state", run.state().column())));
        }
        return health;
    }

    /** The route's step: the health JSON with 200 when UP, 503 when DOWN. */
    public String respond(Exchange exchange) {
        Map<String, Object> health = check();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, "UP".equals(health.get("status")) ? 200 : 503);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return Json.write(health);
    }

    private boolean databaseAnswers() {
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(() -> {
            try (Connection c = database.dataSource().getConnection()) {
                return c.isValid((int) TIMEOUT.toSeconds());
            } catch (Exception e) {
                return false;
            }
        });
        try {
            return probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            probe.cancel(true);
            return false;
        }
    }

    private boolean smtpAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(smtp.host(), smtp.port()), (int) TIMEOUT.toMillis());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
