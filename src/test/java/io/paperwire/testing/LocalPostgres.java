package io.paperwire.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL on 127.0.0.1:5432 (trust auth, database {@code test}; {@code -Dpaperwire.test.postgres=URL} and
 * {@code -Dpaperwire.test.postgres.user=NAME} point elsewhere); each test gets its own schema, dropped afterwards.
 * Tests skip with a message when it does not answer.
 */
public record LocalPostgres(String user, String schema) {

    public static final String BASE = System.getProperty("paperwire.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    /** A fresh schema, or the test is skipped. */
    public static LocalPostgres freshSchemaOrSkip() {
        Optional<LocalPostgres> postgres = freshSchema();
        Assumptions.assumeTrue(postgres.isPresent(),
                "no PostgreSQL answers at " + BASE + " (user postgres or root): skipping");
        return postgres.get();
    }

    /** A fresh schema, or empty when no server answers. */
    public static Optional<LocalPostgres> freshSchema() {
        DriverManager.setLoginTimeout(3);
        String configured = System.getProperty("paperwire.test.postgres.user");
        for (String user : configured != null ? List.of(configured) : List.of("postgres", "root")) {
            try (Connection c = DriverManager.getConnection(BASE, user, "")) {
                String schema = "pw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                        .toLowerCase(Locale.ROOT);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                return Optional.of(new LocalPostgres(user, schema));
            } catch (SQLException e) {
                // try the next user
            }
        }
        return Optional.empty();
    }

    public String url() {
        return BASE + "?currentSchema=" + schema;
    }

    /** The settings that point Paperwire at this schema. */
    public Map<String, String> settings() {
        return Map.of("paperwire.db.url", url(), "paperwire.db.username", user);
    }

    /** The command line that runs Paperwire in {@code home} on this schema, followed by {@code args}. */
    public String[] commandLine(java.nio.file.Path home, String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--home", home.toString(),
                "--set", "paperwire.db.url=" + url(), "--set", "paperwire.db.username=" + user));
        all.addAll(java.util.List.of(args));
        return all.toArray(String[]::new);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, "");
    }

    public void drop() {
        try (Connection c = DriverManager.getConnection(BASE, user, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // best effort
        }
    }
}
