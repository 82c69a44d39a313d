package io.paperwire.ops;

import io.paperwire.testing.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static io.paperwire.ops.ServeNode.TOKEN;
import static io.paperwire.ops.ServeNode.awaitUntil;
import static io.paperwire.ops.ServeNode.json;
import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API of {@code serve}: token, asynchronous runs, one run per week, status, approval. */
class AdminApiIT {

    static final String SAMPLE_RUN = "{\"sample\": true}";

    @TempDir
    Path home;

    @Test
    void refusesRequestsWithoutOrWithAWrongTokenAndIsOffWithoutAConfiguredToken() throws Exception {
        try (ServeNode node = ServeNode.withToken(home, Map.of())) {
            assertThat(node.post("/api/runs", SAMPLE_RUN, null).statusCode()).isEqualTo(401);
            HttpResponse<String> wrong = node.post("/api/runs", SAMPLE_RUN, "not-the-token");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"paperwire\"");
            assertThat(node.get("/api/runs", "not-the-token").statusCode()).isEqualTo(401);
            assertThat(node.get("/api/runs/1", null).statusCode()).isEqualTo(401);
            assertThat(node.post("/api/runs/1/approve", "", null).statusCode()).isEqualTo(401);
            assertThat(node.runs().recent(10)).isEmpty();
        }
        try (ServeNode node = ServeNode.start(home, Map.of(), Map.of())) {
            HttpResponse<String> off = node.post("/api/runs", SAMPLE_RUN, TOKEN);
            assertThat(off.statusCode()).isEqualTo(404);
            assertThat(off.body()).contains("PAPERWIRE_ADMIN_TOKEN");
        }
    }

    @Test
    void startsARunInTheBackgroundRefusesASecondOfTheSameWeekAndReportsItsStages() throws Exception {
        try (ServeNode node = ServeNode.withToken(home, Map.of())) {
            HttpResponse<String> accepted = node.post("/api/runs", SAMPLE_RUN, TOKEN);
            HttpResponse<String> concurrent = node.post("/api/runs", "{\"sample\": true, \"force\": true}", TOKEN);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            long id = ((Number) json(accepted).get("id")).longValue();
            assertThat(accepted.headers().firstValue("Location")).hasValue("/api/runs/" + id);
            assertThat(accepted.headers().firstValue("Authorization")).isEmpty();
            assertThat(concurrent.statusCode()).as(concurrent.body()).isEqualTo(409);
            assertThat(((Number) json(concurrent).get("runId")).longValue()).isEqualTo(id);

            awaitUntil(Duration.ofSeconds(60), () -> node.runs().status(id).orElseThrow().finished());
            Map<String, Object> status = json(node.get("/api/runs/" + id, TOKEN));
            assertThat(status).containsEntry("state", "succeeded").containsEntry("week", "2024-W21")
                    .containsEntry("trigger", "api");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> stages = (List<Map<String, Object>>) status.get("stages");
            assertThat(stages).extracting(s -> s.get("stage")).containsExactly("source-fetch", "select-papers",
                    "summarize-papers", "render-issue", "publish-issue", "personalise-issue", "deliver-issue");
            assertThat(stages).allSatisfy(s -> assertThat(((Number) s.get("durationMillis")).longValue()).isNotNegative());
            @SuppressWarnings("unchecked")
            Map<String, Object> sourceCounts = (Map<String, Object>) stages.get(0).get("counts");
            assertThat(((Number) sourceCounts.get("papers")).intValue()).isPositive();
            @SuppressWarnings("unchecked")
            Map<String, Object> selectCounts = (Map<String, Object>) stages.get(1).get("counts");
            assertThat(selectCounts).containsEntry("selected", 20);
            @SuppressWarnings("unchecked")
            Map<String, Object> personaliseCounts = (Map<String, Object>) stages.get(5).get("counts");
            assertThat(personaliseCounts).as("how many readers' picks were ranked, not the issue's papers")
                    .containsOnlyKeys("readersRanked", "readersKept");
            assertThat(status.get("deliveries")).isEqualTo(Map.of("sent", 1, "alreadySent", 0, "failed", 0, "unsent", 0));
            assertThat(((Number) status.get("durationMillis")).longValue()).isPositive();

            HttpResponse<String> list = node.get("/api/runs", TOKEN);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + id);
            assertThat(node.get("/api/runs/999", TOKEN).statusCode()).isEqualTo(404);

            HttpResponse<String> afterwards = node.post("/api/runs", SAMPLE_RUN, TOKEN);
            assertThat(afterwards.statusCode()).as("the week is free again once the run ended").isEqualTo(202);
        }
    }

    @Test
    void rejectsARunThatIsNotJsonOrNamesNoWeek() {
        try (ServeNode node = ServeNode.withToken(home, Map.of())) {
            HttpResponse<String> badWeek = node.post("/api/runs", "{\"week\": \"2024-21\"}", TOKEN);
            assertThat(badWeek.statusCode()).isEqualTo(400);
            assertThat(badWeek.body()).contains("2024-21").contains("2024-W21");
            assertThat(node.post("/api/runs", "{not json", TOKEN).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aDraftIsPublishedAndSentExactlyOnceWhenApproved() throws Exception {
        try (ServeNode node = ServeNode.withToken(home, Map.of("paperwire.approval", "required"))) {
            long id = ((Number) json(node.post("/api/runs", SAMPLE_RUN, TOKEN)).get("id")).longValue();
            awaitUntil(Duration.ofSeconds(60), () -> !List.of(RunState.QUEUED, RunState.RUNNING)
                    .contains(node.runs().status(id).orElseThrow().state()));
            assertThat(node.runs().status(id).orElseThrow().state()).isEqualTo(RunState.DRAFT);
            assertThat(home.resolve("out/site/issues/2024-W21.html")).doesNotExist();
            assertThat(outbox()).isEmpty();
            assertThat(home.resolve("out/preview")).isDirectoryContaining(p -> p.toString().endsWith(".html"));

            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> node.post("/api/runs/" + id + "/approve", "", TOKEN));
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
                    () -> node.post("/api/runs/" + id + "/approve", "", TOKEN));
            List<Integer> codes = Stream.of(first.get(), second.get()).map(HttpResponse::statusCode).sorted().toList();
            assertThat(codes).containsExactly(202, 409);

            awaitUntil(Duration.ofSeconds(60), () -> node.runs().status(id).orElseThrow().finished());
            RunStatus approved = node.runs().status(id).orElseThrow();
            assertThat(approved.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(approved.stages()).extracting(StageRecord::stage).containsExactly("source-fetch",
                    "select-papers", "summarize-papers", "render-issue", "publish-issue", "personalise-issue", "deliver-issue");
            assertThat(approved.deliveries()).isEqualTo(new RunStatus.Deliveries(1, 0, 0, 0));
            assertThat(home.resolve("out/site/issues/2024-W21.html")).exists();
            assertThat(outbox()).hasSize(1);
            HttpResponse<String> again = node.post("/api/runs/" + id + "/approve", "", TOKEN);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("succeeded");
            assertThat(outbox()).hasSize(1);
        }
    }

    @Test
    void theApproveCommandPublishesTheWeeksDraftOnce() throws Exception {
        String[] settings = {"--home", home.toString(), "--set", "paperwire.approval=required"};
        CommandResult draft = paperwire(concat(settings, "run", "--sample"));
        assertThat(draft.exitCode()).as(draft.toString()).isZero();
        assertThat(draft.out()).contains("Draft of 2024-W21 awaits approval").contains("paperwire approve 2024-W21");
        assertThat(outbox()).isEmpty();

        CommandResult approved = paperwire(concat(settings, "approve", "2024-W21"));
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("approved").contains("1 sent");
        assertThat(outbox()).hasSize(1);

        CommandResult twice = paperwire(concat(settings, "approve", "2024-W21"));
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("no draft of 2024-W21");
        assertThat(outbox()).hasSize(1);
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }

    private List<Path> outbox() throws Exception {
        Path outbox = home.resolve("out/outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }
}
