package io.paperwire.ops;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL on 127.0.0.1:5432 (trust auth, database {@code test}); each test gets its own schema. Tests skip with
 * a message when it does not answer.
 */
record LocalPostgres(String user, String schema) {

    static final String BASE = "jdbc:postgresql://127.0.0.1:5432/test";

    /** A fresh schema, or the test is skipped. */
    static LocalPostgres freshSchemaOrSkip() {
        DriverManager.setLoginTimeout(3);
        for (String user : new String[] {"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(BASE, user, "")) {
                String schema = "pw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                        .toLowerCase(Locale.ROOT);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + schema);
                }
                return new LocalPostgres(user, schema);
            } catch (SQLException e) {
                // try the next user
            }
        }
        Assumptions.abort("no PostgreSQL answers on 127.0.0.1:5432 (database test, user postgres or root): skipping");
        return null;
    }

    String url() {
        return BASE + "?currentSchema=" + schema;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, "");
    }

    void drop() {
        try (Connection c = DriverManager.getConnection(BASE, user, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // best effort
        }
    }
}
