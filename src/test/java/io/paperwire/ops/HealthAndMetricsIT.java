package io.paperwire.ops;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.paperwire.ops.ServeNode.TOKEN;
import static io.paperwire.ops.ServeNode.awaitUntil;
import static io.paperwire.ops.ServeNode.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} (Prometheus text) and {@code GET /health} of {@code serve}. */
class HealthAndMetricsIT {

    static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");
    static final Pattern HELP = Pattern.compile("# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*");
    static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\")*\\})? "
                    + "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)");

    @TempDir
    Path home;

    @Test
    void metricsAreValidPrometheusTextWithRunsPapersLlmMessagesAndStageDurations() throws Exception {
        try (ServeNode node = ServeNode.withToken(home, Map.of())) {
            long id = ((Number) json(node.post("/api/runs", "{\"sample\": true}", TOKEN)).get("id")).longValue();
            awaitUntil(Duration.ofSeconds(60), () -> node.runs().status(id).orElseThrow().finished());

            HttpResponse<String> metrics = node.get("/metrics", null);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            Map<String, Double> samples = parse(metrics.body());
            assertThat(samples.get("paperwire_runs_total{state=\"succeeded\",trigger=\"api\"}")).isEqualTo(1.0);
            assertThat(samples.get("paperwire_papers_total{source=\"arXiv API\"}")).isPositive();
            assertThat(samples.get("paperwire_papers_total{source=\"Hugging Face\"}")).isPositive();
            assertThat(samples.get("paperwire_messages_sent_total")).isEqualTo(1.0);
            assertThat(samples.get("paperwire_messages_failed_total")).isEqualTo(0.0);
            assertThat(samples).containsKeys("paperwire_llm_calls_total", "paperwire_llm_tokens_total",
                    "paperwire_llm_latency_seconds_count");
            for (String stage : List.of("source-fetch", "select-papers", "summarize-papers", "render-issue",
                    "publish-issue", "personalise-issue", "deliver-issue")) {
                assertThat(samples.get("paperwire_stage_duration_seconds_count{stage=\"" + stage + "\"}"))
                        .as(stage).isEqualTo(1.0);
            }
        }
    }

    /** Checks every line against the text format (each sample's family declared by a TYPE line first). */
    static Map<String, Double> parse(String text) {
        Set<String> families = new HashSet<>();
        Map<String, Double> samples = new java.util.LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || HELP.matcher(line).matches()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertThat(families.add(type.group(1))).as("one TYPE per family: " + line).isTrue();
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a valid sample line: '" + line + "'").isTrue();
            String name = sample.group(1);
            assertThat(families.stream().anyMatch(f -> name.equals(f) || name.startsWith(f + "_")))
                    .as("family of " + name + " declared").isTrue();
            samples.put(name + (sample.group(2) == null ? "" : sample.group(2)), Double.parseDouble(
                    sample.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity")));
        }
        return samples;
    }

    @Test
    void healthIsUpWithTheLastRunAndDownOnceTheDatabaseIsUnreachable() throws Exception {
        int dbPort = ServeNode.freePort();
        Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(dbPort), "-ifNotExists",
                "-baseDir", home.resolve("db").toString()).start();
        try (ServeNode node = ServeNode.withToken(home, Map.of("paperwire.db.url",
                "jdbc:h2:tcp://127.0.0.1:" + dbPort + "/paperwire;MODE=PostgreSQL"))) {
            long id = ((Number) json(node.post("/api/runs", "{\"sample\": true, \"dryRun\": true}", TOKEN)).get("id"))
                    .longValue();
            awaitUntil(Duration.ofSeconds(60), () -> node.runs().status(id).orElseThrow().finished());
            HttpResponse<String> up = node.get("/health", null);
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(json(up)).containsEntry("status", "UP").containsEntry("database", "UP")
                    .containsEntry("smtp", "OUTBOX")
                    .containsEntry("lastRun", Map.of("id", (int) id, "week", "2024-W21", "state", "succeeded"));

            h2.stop();
            HttpResponse<String> down = node.get("/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(json(down)).containsEntry("status", "DOWN").containsEntry("database", "DOWN");
        } finally {
            h2.stop();
        }
    }
}
