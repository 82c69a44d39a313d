package io.paperwire.ops;

import io.paperwire.app.PaperwireApplication;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A running Paperwire process renews the locks of its runs on its own (route run-renew-locks). */
class RunLockRenewalIT {

    @TempDir
    Path home;

    @Test
    void aRunningProcessRenewsTheLockOfItsRunEveryRenewalPeriod() throws Exception {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of("paperwire.run.lock-renewal-seconds", "1"));
        try (PaperwireApplication app = new PaperwireApplication(settings)) {
            app.start();
            long run = app.operations().runs().create(RunRequest.of(Week.parse("2024-W21")), Trigger.API, null);
            Instant longAgo = Instant.now().minus(Duration.ofHours(1));
            app.database().update("UPDATE run_locks SET renewed_at = ? WHERE run_id = ?", longAgo, run);

            Instant deadline = Instant.now().plusSeconds(10);
            Instant renewed = longAgo;
            while (renewed.isBefore(Instant.now().minusSeconds(30)) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                renewed = app.database().queryOne("SELECT renewed_at FROM run_locks WHERE run_id = ?",
                        row -> row.getTimestamp("renewed_at").toInstant(), run).orElseThrow();
            }

            assertThat(renewed).as("the lock's last renewal").isAfter(Instant.now().minusSeconds(30));
        }
    }
}
