package io.paperwire.deliver;

import io.paperwire.subscribers.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 file survives what a weekly schedule does to it: week after week a send in its own process marks
 * thousands of rows from several workers in group commits and exits, and between sends other commands open and
 * close the database. (With H2 2.3.232 a loop of such cycles, sending to Postfix's smtp-sink, now and then left a
 * file H2 could no longer open: "Reading from file … failed at 9904746 (length 7524352)"; see Database#close.)
 */
class EmbeddedDeliveryLogDurabilityIT {

    static final int SUBSCRIBERS = 10_000;
    static final int SENDS = 4;

    @TempDir
    Path home;

    @Test
    void everySendOfManyWeeksStaysRecordedAcrossCloseAndReopen() throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, SUBSCRIBERS);
        }
        List<Long> issues = new ArrayList<>();
        for (int send = 1; send <= SENDS; send++) {
            try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
                issues.add(fixture.publishIssue(send, 15_000).issueId());
            }
            // Another command looks at the database in between (a plain connection, as `paperwire subscribers list`).
            String url = DeliveryFixture.settings(home, Map.of()).db().url();
            try (java.sql.Connection look = java.sql.DriverManager.getConnection(url, "", "");
                 java.sql.ResultSet count = look.createStatement().executeQuery("SELECT COUNT(*) FROM issues")) {
                assertThat(count.next()).isTrue();
            }
            // Each send in its own process, as `paperwire run` does, ending the way a command ends.
            Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), EmbeddedDeliveryLogDurabilityIT.class.getName(),
                    home.toString(), String.valueOf(issues.get(issues.size() - 1))).inheritIO().start();
            assertThat(sender.waitFor()).as("the sending process's exit status").isZero();
            try (DeliveryFixture reopened = new DeliveryFixture(home, Map.of())) {
                for (long issueId : issues) {
                    assertThat(reopened.deliveries(issueId, "sent")).as("issue %d after send %d", issueId, send)
                            .isEqualTo(SUBSCRIBERS);
                }
            }
        }
    }

    /** The sending process: arguments HOME ISSUE_ID. */
    public static void main(String[] args) throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(Path.of(args[0]), Map.of())) {
            markAllSent(new DeliveryLog(fixture.database, fixture.settings.dataDir()), Long.parseLong(args[1]));
        }
        System.exit(0);
    }

    /** What the deliver stage does to the log, without the SMTP conversation: four workers claim and mark. */
    private static void markAllSent(DeliveryLog log, long issueId) throws Exception {
        DeliveryLog.Claims claims = log.claims(issueId, "run-" + issueId, List.of(Subscriber.State.ACTIVE));
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                running.add(workers.submit(() -> {
                    Optional<DeliveryLog.Claim> claim;
                    while ((claim = claims.next()).isPresent()) {
                        Thread.sleep(0, 800_000); // the SMTP conversation: a send takes seconds, as a real one does
                        claim.get().sent("<" + issueId + "." + claim.get().subscriber().id() + "@paperwire.example>");
                    }
                    claims.release();
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdown();
            claims.finish();
        }
    }
}
