package io.paperwire.roundup;

import io.paperwire.testing.CommandResult;
import io.paperwire.testing.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roundup on PostgreSQL (127.0.0.1:5432, database {@code test}, a schema per test; skipped where no server answers):
 * the migration, the roundup's row beside the issues, its deliveries under the issues table's foreign key.
 */
class RoundupPostgresIT {

    @TempDir
    Path home;

    LocalPostgres postgres;

    @BeforeEach
    void createSchema() {
        postgres = LocalPostgres.freshSchemaOrSkip();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.drop();
        }
    }

    private CommandResult onPostgres(String... args) {
        return paperwire(postgres.commandLine(home, args));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    @Test
    void aRoundupIsAnEditionBesideTheIssuesAndMailedOnceOnPostgres() throws Exception {
        assertThat(onPostgres("subscribers", "add", "ada@example.org").exitCode()).isZero();
        assertThat(onPostgres("run", "--sample").exitCode()).isZero();

        CommandResult first = onPostgres("roundup", "--month", "2024-05", "--send");
        CommandResult second = onPostgres("roundup", "--month", "2024-05", "--send");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("1 sent, 0 already had it");
        assertThat(second.out()).contains("0 sent, 1 already had it");
        assertThat(rows("SELECT kind || ' ' || slug FROM issues ORDER BY id")).containsExactly("issue 2024-W21",
                "roundup roundup-2024-05");
        assertThat(rows("SELECT i.slug || ' ' || d.state FROM deliveries d JOIN issues i ON i.id = d.issue_id ORDER BY i.id"))
                .containsExactly("2024-W21 sent", "roundup-2024-05 sent");
    }
}
