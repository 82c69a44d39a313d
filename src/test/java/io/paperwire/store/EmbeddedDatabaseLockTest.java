package io.paperwire.store;

import io.paperwire.deliver.DeliveryFixture;
import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The embedded database serves one process; a second one is told so, not sent to check its credentials. */
class EmbeddedDatabaseLockTest {

    @TempDir
    Path home;

    @Test
    void openingTheEmbeddedDatabaseAnotherProcessHoldsNamesThatAsTheCause() throws Exception {
        PaperwireSettings settings = DeliveryFixture.settings(home, Map.of());
        Files.createDirectories(settings.dataDir());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Holder.class.getName(), settings.db().url()).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            assertThat(output.readLine()).isEqualTo("HOLDING");

            DatabaseException refused = catchThrowableOfType(() -> Database.open(settings.db(), settings.dataDir()),
                    DatabaseException.class);

            assertThat(refused).hasMessageContaining("is open in another process")
                    .hasMessageContaining(settings.dataDir().toString())
                    .hasMessageNotContaining("PAPERWIRE_DB_PASSWORD");
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        try (Database reopened = Database.open(settings.db(), settings.dataDir())) {
            assertThat(reopened.isPostgres()).isFalse();
        }
    }

    /** Another process with the database open: opens it, says so, and keeps it until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Connection ignored = DriverManager.getConnection(args[0])) {
                System.out.println("HOLDING");
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(2));
            }
        }
    }
}
