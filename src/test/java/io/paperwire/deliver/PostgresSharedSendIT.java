package io.paperwire.deliver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.testing.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sender processes share one send through PostgreSQL's {@code FOR UPDATE SKIP LOCKED}: every subscriber gets
 * exactly one message. Needs the PostgreSQL on 127.0.0.1:5432 (database {@code test}); skipped when none answers.
 * Each run works in a schema of its own, dropped afterwards.
 */
class PostgresSharedSendIT {

    @TempDir
    Path home;

    LocalPostgres postgres;

    @BeforeEach
    void connect() {
        postgres = LocalPostgres.freshSchemaOrSkip();
    }

    @AfterEach
    void dropSchema() {
        if (postgres != null) {
            postgres.drop();
        }
    }

    @Test
    void aRowAnotherSenderHeldWhileTheWorkersPassedItIsTakenOnceItIsReleased() throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, postgres.settings())) {
            fixture.addSubscribers(0, 50);
            long issueId = fixture.publishIssue(1, 500).issueId();
            DeliveryLog log = new DeliveryLog(fixture.database, fixture.settings.dataDir());
            List<io.paperwire.subscribers.Subscriber.State> active = List.of(io.paperwire.subscribers.Subscriber.State.ACTIVE);
            DeliveryLog.Claims claims = log.claims(issueId, "run-1", active);
            long held = fixture.subscriber(10).id();

            List<Long> handedOut = new ArrayList<>();
            try (Connection other = postgres.connect()) {
                other.setAutoCommit(false);
                // Another sender holds subscriber 10's row, as a process does while it sends (and until it dies).
                other.createStatement().executeQuery("SELECT * FROM deliveries WHERE issue_id = " + issueId
                        + " AND subscriber_id = " + held + " FOR UPDATE").close();
                for (int i = 0; i < 45; i++) {
                    DeliveryLog.Claim claim = claims.next().orElseThrow();
                    handedOut.add(claim.subscriber().id());
                    claim.sent("<" + claim.subscriber().id() + "@paperwire.example>");
                }
                assertThat(handedOut).doesNotContain(held);
                other.rollback();
            }
            for (java.util.Optional<DeliveryLog.Claim> claim; (claim = claims.next()).isPresent(); ) {
                handedOut.add(claim.get().subscriber().id());
                claim.get().sent("<" + claim.get().subscriber().id() + "@paperwire.example>");
            }
            claims.release();
            claims.finish();

            assertThat(handedOut).hasSize(50).doesNotHaveDuplicates().contains(held);
            assertThat(fixture.deliveries(issueId, "sent")).isEqualTo(50);
        }
    }

    @Test
    void twoSenderProcessesShareA2000SubscriberSendWithNoDuplicateAndNoGap() throws Exception {
        Map<String, String> db = postgres.settings();
        RenderedIssue issue;
        try (DeliveryFixture fixture = new DeliveryFixture(home, db)) {
            fixture.addSubscribers(0, 2000);
            issue = fixture.publishIssue(1, 2000);
        }
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            List<Process> senders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                senders.add(SendProcess.command(true, home.toString(), String.valueOf(greenMail.getSmtp().getPort()),
                        "3", postgres.url(), postgres.user()).start());
            }
            List<BufferedReader> outputs = senders.stream()
                    .map(p -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))).toList();
            for (BufferedReader output : outputs) {
                String line;
                while ((line = output.readLine()) != null && !line.equals("READY")) {
                    // JVM start-up chatter
                }
                assertThat(line).as("the sender started").isEqualTo("READY");
            }
            Files.createFile(home.resolve("go"));
            List<Integer> sentBy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                List<String> rest = outputs.get(i).lines().toList();
                assertThat(senders.get(i).waitFor(3, TimeUnit.MINUTES)).isTrue();
                assertThat(senders.get(i).exitValue()).as(String.join("\n", rest)).isZero();
                sentBy.add(rest.stream().filter(l -> l.startsWith("SENT ")).map(l -> Integer.parseInt(l.split(" ")[1]))
                        .findFirst().orElseThrow());
            }

            assertThat(sentBy.get(0) + sentBy.get(1)).isEqualTo(2000);
            assertThat(sentBy).allSatisfy(n -> assertThat(n).as("each process sent a share").isPositive());
            Map<String, Long> perRecipient = Arrays.stream(greenMail.getReceivedMessages())
                    .map(CrashRecoveryIT::recipient)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, 2000).mapToObj(DeliveryFixture::address).toList());
            assertThat(perRecipient.values()).containsOnly(1L);
            try (DeliveryFixture fixture = new DeliveryFixture(home, db)) {
                assertThat(fixture.deliveries(issue.issueId(), "sent")).isEqualTo(2000);
            }
        } finally {
            greenMail.stop();
        }
    }
}
