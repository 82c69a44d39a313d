package io.paperwire.store;

import io.paperwire.deliver.DeliveryFixture;
import io.paperwire.settings.PaperwireSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An embedded database made by an earlier version is carried forward by the H2-only migrations, data and all. */
class EmbeddedSchemaMigrationTest {

    @TempDir
    Path home;

    @Test
    void deliveryRowsOfADatabaseWithForeignKeysSurviveTheRebuildWithoutThem() throws Exception {
        PaperwireSettings settings = DeliveryFixture.settings(home, Map.of());
        java.nio.file.Files.createDirectories(settings.dataDir());
        // The database as the release before V6 left it: deliveries with a foreign key (and H2's index) per reference.
        Flyway.configure().dataSource(settings.db().url(), "", "").locations("classpath:db/migration", "classpath:db/h2")
                .target("5").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.db().url());
             Statement sql = c.createStatement()) {
            sql.execute("INSERT INTO subscribers (id, email, state, token, created_at, updated_at)"
                    + " VALUES (7, 'reader7@example.org', 'active', 'token-7', NOW(), NOW())");
            sql.execute("INSERT INTO issues (id, week, edition, slug, state, subject, content, email_html, email_text,"
                    + " created_at) VALUES (3, '2024-W21', 1, '2024-W21-1', 'published', 's', '{}', '<p>', 't', NOW())");
            sql.execute("INSERT INTO deliveries (issue_id, subscriber_id, state, message_id, attempts, last_error,"
                    + " updated_at, sent_at, failed_run) VALUES (3, 7, 'sent', '<paperwire.2024-W21-1.7@paperwire.example>',"
                    + " 2, NULL, NOW(), TIMESTAMP WITH TIME ZONE '2024-05-20 08:00:00+00', 'run-1')");
            assertThat(foreignKeys(c)).hasSize(2);
        }

        try (Database database = Database.open(settings.db(), settings.dataDir());
             Connection c = database.dataSource().getConnection()) {
            assertThat(database.queryOne("SELECT state, message_id, attempts, failed_run,"
                            + " EXTRACT(EPOCH FROM sent_at) AS sent FROM deliveries WHERE issue_id = 3 AND subscriber_id = 7",
                    row -> List.of(row.getString("state"), row.getString("message_id"), row.getInt("attempts"),
                            row.getString("failed_run"), row.getLong("sent")))).contains(List.of("sent",
                    "<paperwire.2024-W21-1.7@paperwire.example>", 2, "run-1", 1716192000L));
            assertThat(foreignKeys(c)).isEmpty();
            // The primary key still refuses a second row for the same (issue, subscriber): a unique violation
            // (SQLSTATE 23505) on the primary key, not any other failure of the statement.
            Throwable refused = catchThrowable(() -> database.update(
                    "INSERT INTO deliveries (issue_id, subscriber_id, state, attempts, updated_at)"
                            + " VALUES (3, 7, 'pending', 0, NOW())"));
            assertThat(refused).isInstanceOf(DatabaseException.class).rootCause().isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"))
                    .hasMessageContaining("DELIVERIES_PK").hasMessageContaining("(ISSUE_ID, SUBSCRIBER_ID)");
            assertThat(database.queryOne("SELECT COUNT(*) AS n FROM deliveries WHERE issue_id = 3 AND subscriber_id = 7",
                    row -> row.getInt("n"))).contains(1);
        }
    }

    private static List<String> foreignKeys(Connection c) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (var rows = c.createStatement().executeQuery("SELECT constraint_name FROM information_schema.table_constraints"
                + " WHERE table_name = 'DELIVERIES' AND constraint_type = 'FOREIGN KEY'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
