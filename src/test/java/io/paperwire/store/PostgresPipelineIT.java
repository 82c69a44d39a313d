package io.paperwire.store;

import io.paperwire.testing.CommandResult;
import io.paperwire.testing.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL path for real: the schema migrates and a whole run stores into a PostgreSQL on 127.0.0.1:5432
 * (database {@code test}). Each test gets its own schema. Skipped, with the reason, where no server answers.
 */
class PostgresPipelineIT {

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

    private CommandResult paperwireOnPostgres(String... args) {
        return paperwire(postgres.commandLine(home, args));
    }

    private long count(String table) throws SQLException {
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aWholeRunStoresItsIssueAndDeliveriesInPostgres() throws Exception {
        assertThat(paperwireOnPostgres("subscribers", "add", "ada@example.org").exitCode()).isZero();

        CommandResult first = paperwireOnPostgres("run", "--sample");
        CommandResult second = paperwireOnPostgres("run", "--sample");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("0 sent, 1 already had it");
        assertThat(count("issues")).isEqualTo(1);
        assertThat(count("summaries")).isEqualTo(20);
        assertThat(count("deliveries")).isEqualTo(1);
        assertThat(count("runs")).isEqualTo(2);
        assertThat(home.resolve("data/paperwire.mv.db")).as("no embedded database was used").doesNotExist();
    }

    @Test
    void anUnreachableDatabaseIsOneClearErrorWithoutThePassword() {
        CommandResult result = paperwire("--home", home.toString(),
                "--set", "paperwire.db.url=jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2",
                "run", "--sample");

        assertThat(result.exitCode()).isEqualTo(io.paperwire.Paperwire.EXIT_FAILED);
        assertThat(result.err()).contains("cannot connect to the database jdbc:postgresql://127.0.0.1:1/nowhere");
    }
}
