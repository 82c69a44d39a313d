package io.paperwire.ops;

import io.paperwire.paper.Week;
import io.paperwire.store.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin API shows a run's typed week, state and trigger as the lower-case strings stored in the database. */
class RunStatusJsonTest {

    @Test
    void aRunShowsItsWeekStateAndTriggerAsTheStringsTheDatabaseStores() {
        RunStatus run = new RunStatus(7, Week.parse("2024-W21"), RunState.SUCCEEDED, Trigger.CLI, true, false, true,
                "node-a", 2, Instant.parse("2024-05-27T07:00:00Z"), Instant.parse("2024-05-27T07:00:01Z"),
                Instant.parse("2024-05-27T07:00:03Z"), 2000L,
                List.of(new StageRecord("deliver-issue", 12, Map.of("sent", 1))), new RunStatus.Llm(3, 1, 100, 0.25),
                new RunStatus.Deliveries(1, 2, 3, 4), List.of("alert one"), "boom");

        // Exactly what the admin API answered when these fields were strings (captured before the change).
        assertThat(Json.write(run)).isEqualTo("{\"id\":7,\"week\":\"2024-W21\",\"state\":\"succeeded\","
                + "\"trigger\":\"cli\",\"sample\":true,\"dryRun\":false,\"force\":true,\"node\":\"node-a\",\"attempts\":2,"
                + "\"scheduledFor\":\"2024-05-27T07:00:00Z\",\"startedAt\":\"2024-05-27T07:00:01Z\","
                + "\"finishedAt\":\"2024-05-27T07:00:03Z\",\"durationMillis\":2000,"
                + "\"stages\":[{\"stage\":\"deliver-issue\",\"durationMillis\":12,\"counts\":{\"sent\":1}}],"
                + "\"llm\":{\"calls\":3,\"fallbacks\":1,\"tokens\":100,\"costUsd\":0.25},"
                + "\"deliveries\":{\"sent\":1,\"alreadySent\":2,\"failed\":3,\"unsent\":4},"
                + "\"alerts\":[\"alert one\"],\"error\":\"boom\"}");
    }

    @Test
    void everyStateAndTriggerReadsBackFromItsColumnValue() {
        assertThat(List.of(RunState.values()).stream().map(RunState::column)).containsExactly("queued", "running",
                "draft", "succeeded", "partial", "failed", "skipped", "abandoned");
        for (RunState state : RunState.values()) {
            assertThat(RunState.fromColumn(state.column())).isEqualTo(state);
        }
        assertThat(List.of(Trigger.values()).stream().map(Trigger::column)).containsExactly("cli", "api", "schedule",
                "approve", "retry");
        for (Trigger trigger : Trigger.values()) {
            assertThat(Trigger.fromColumn(trigger.column())).isEqualTo(trigger);
        }
    }

    @Test
    void anUnknownColumnValueIsRefusedNamingTheValueAndTheKnownOnes() {
        assertThatThrownBy(() -> RunState.fromColumn("done")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'done'").hasMessageContaining("succeeded, partial");
        assertThatThrownBy(() -> Trigger.fromColumn("cron")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cron'").hasMessageContaining("schedule");
    }
}
