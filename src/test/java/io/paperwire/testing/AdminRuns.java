package io.paperwire.testing;

import io.paperwire.ops.RunState;
import io.paperwire.store.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Follows a run started through the admin API until it is over. Reads the status's {@code state} field: the body also
 * carries counters named like states ({@code "failed": 0} among the deliveries), so a text search ends too early.
 */
public final class AdminRuns {
    private static final Set<RunState> ONGOING = EnumSet.of(RunState.QUEUED, RunState.RUNNING);

    private AdminRuns() {
    }

    /** The run's last status body: the first whose state is over, or the last seen when {@code timeout} passed. */
    public static String awaitOver(HttpClient http, URI status, String token, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        String body = "";
        while (Instant.now().isBefore(end)) {
            body = http.send(HttpRequest.newBuilder(status).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            RunState state = stateOf(body);
            if (state != null && !ONGOING.contains(state)) {
                return body;
            }
            Thread.sleep(200);
        }
        return body;
    }

    /** The {@code state} of a run status body, or null when the body is not one. */
    public static RunState stateOf(String body) {
        try {
            Object state = Json.read(body, Map.class).get("state");
            return state == null ? null : RunState.fromColumn(state.toString());
        } catch (RuntimeException notAStatus) {
            return null;
        }
    }
}
