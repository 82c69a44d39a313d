package io.paperwire.store;

import io.paperwire.testing.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL path for real: the schema migrates and a whole run stores into a PostgreSQL on 127.0.0.1:5432
 * (database {@code test}). Each test gets its own schema. Skipped, with the reason, where no server answers.
 */
class PostgresPipelineIT {

    static final String SERVER = System.getProperty("paperwire.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("paperwire.test.postgres.user", "postgres");

    @TempDir
    Path home;

    String schema;

    @BeforeEach
    void createSchema() {
        schema = "pw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "?connectTimeout=3", USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL answers at " + SERVER + " as " + USER + " (" + e.getMessage()
                    + "); skipping the PostgreSQL tests");
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // The schema was never created.
            }
        }
    }

    private String url() {
        return SERVER + "?currentSchema=" + schema;
    }

    private CommandResult paperwireOnPostgres(String... args) {
        String[] base = {"--home", home.toString(), "--set", "paperwire.db.url=" + url(),
                "--set", "paperwire.db.username=" + USER};
        String[] all = java.util.Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return paperwire(all);
    }

    private long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), USER, ""); Statement s = c.createStatement();
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
