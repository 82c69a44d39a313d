package io.paperwire.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Json;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API behind {@code routes/serve/api.camel.yaml}: trigger a run, list runs, show one, approve a draft.
 * Every call needs {@code Authorization: Bearer <PAPERWIRE_ADMIN_TOKEN>}; without a configured token the API is off
 * (404). Answers are JSON; errors are {@code {"error": "..."}} with a status that says what went wrong.
 */
public final class AdminApi {

    private final PaperwireSettings.Secret token;
    private final RunService runs;
    private final Clock clock;

    public AdminApi(PaperwireSettings.Secret token, RunService runs, Clock clock) {
        this.token = token;
        this.runs = runs;
        this.clock = clock;
    }

    /** {@code POST /api/runs} with {@code {"week", "dryRun", "force", "sample", "send"}}: 202 and the run's id. */
    public String trigger(Exchange exchange) {
        return guarded(exchange, message -> {
            String contentType = message.getHeader(Exchange.CONTENT_TYPE, "application/json", String.class);
            if (!contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                return answer(message, 415, Map.of("error", "send the run as JSON with Content-Type: application/json"));
            }
            RunRequest request;
            try {
                request = parse(message.getBody(String.class));
            } catch (IllegalArgumentException e) {
                return answer(message, 400, Map.of("error", e.getMessage()));
            }
            try {
                long id = runs.submit(request, Trigger.API);
                message.setHeader("Location", "/api/runs/" + id);
                return answer(message, 202, Map.of("id", id, "week", request.week().toString(), "state", RunState.QUEUED.column(),
                        "status", "/api/runs/" + id));
            } catch (RunInProgressException e) {
                return answer(message, 409, Map.of("error", e.getMessage(), "runId", e.runId()));
            }
        });
    }

    /** {@code GET /api/runs}: the latest 50 runs, newest first. */
    public String list(Exchange exchange) {
        return guarded(exchange, message -> answer(message, 200, Map.of("runs", runs.runs().recent(50))));
    }

    /** {@code GET /api/runs/{id}}: one run's state, stage timings and counts, LLM use, deliveries and alerts. */
    public String show(Exchange exchange) {
        return guarded(exchange, message -> {
            Long id = runId(message);
            if (id == null) {
                return answer(message, 404, Map.of("error", "no run " + message.getHeader("id")));
            }
            return runs.runs().status(id).map(run -> answer(message, 200, run))
                    .orElseGet(() -> answer(message, 404, Map.of("error", "no run " + id)));
        });
    }

    /** {@code POST /api/runs/{id}/approve}: publishes and sends a draft, exactly once (202; 409 when not a draft). */
    public String approve(Exchange exchange) {
        return guarded(exchange, message -> {
            Long id = runId(message);
            if (id == null || runs.runs().status(id).isEmpty()) {
                return answer(message, 404, Map.of("error", "no run " + message.getHeader("id")));
            }
            try {
                RunStatus run = runs.approveInBackground(id);
                return answer(message, 202, Map.of("id", id, "week", run.week().toString(), "state", RunState.QUEUED.column(),
                        "status", "/api/runs/" + id));
            } catch (RunStateException e) {
                return answer(message, 409, Map.of("error", e.getMessage()));
            } catch (RunInProgressException e) {
                return answer(message, 409, Map.of("error", e.getMessage(), "runId", e.runId()));
            }
        });
    }

    private interface Handler {
        String handle(Message message);
    }

    private String guarded(Exchange exchange, Handler handler) {
        Message message = exchange.getMessage();
        if (!token.isPresent()) {
            return answer(message, 404, Map.of("error", "the admin API is off: set PAPERWIRE_ADMIN_TOKEN to enable it"));
        }
        String header = message.getHeader("Authorization", String.class);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.value().getBytes(StandardCharsets.UTF_8))) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"paperwire\"");
            return answer(message, 401, Map.of("error", "missing or wrong bearer token"));
        }
        return handler.handle(message);
    }

    private RunRequest parse(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"week\": \"2024-W21\"}");
        }
        boolean sample = json.path("sample").asBoolean(false);
        String weekText = json.path("week").asText("");
        Week week = !weekText.isEmpty() ? Week.parse(weekText)
                : sample ? RunRequest.SAMPLE_WEEK : Week.latestAnnounced(clock.instant());
        return new RunRequest(week, sample, json.path("dryRun").asBoolean(false), json.path("force").asBoolean(false),
                json.path("send").asBoolean(true));
    }

    private static Long runId(Message message) {
        try {
            return Long.parseLong(message.getHeader("id", String.class));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String answer(Message message, int status, Object body) {
        // Request headers (the bearer token among them) must not be echoed back in the response.
        message.removeHeaders("*", "Location", "WWW-Authenticate");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        return Json.write(body instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : body);
    }
}
