package io.paperwire.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.testing.BackgroundServe;
import io.paperwire.testing.CommandResult;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send cut short by an SMTP outage longer than {@code paperwire.deliver.outage-wait-minutes} ends the run
 * {@code partial} (exit code 3, an alert, the run status, {@code /metrics}); the next run of the week, or {@code serve}
 * on its own, mails exactly those left out.
 */
class PartialSendIT {

    private static final String WEEK = "2024-W21";
    private static final List<String> READERS = List.of("ada@example.org", "grace@example.org", "edsger@example.org");

    @TempDir
    Path home;

    /** Nothing listens on the SMTP port until a GreenMail is started on it: connection refused, an outage. */
    private final int smtpPort = ServeNode.freePort();

    private List<String> settings() {
        return List.of("--home", home.toString(),
                "--set", "paperwire.smtp.host=127.0.0.1",
                "--set", "paperwire.smtp.port=" + smtpPort,
                "--set", "paperwire.smtp.starttls=false",
                "--set", "paperwire.deliver.outage-wait-minutes=0.05");
    }

    private CommandResult cli(String... args) {
        List<String> all = new ArrayList<>(settings());
        all.addAll(List.of(args));
        return paperwire(all.toArray(String[]::new));
    }

    private void addReaders() {
        for (String reader : READERS) {
            assertThat(cli("subscribers", "add", reader).exitCode()).isZero();
        }
    }

    @Test
    void anApprovedSendCutShortByAnOutageEndsPartialWithExitCode3AndTheNextRunMailsOnlyTheRest() throws Exception {
        addReaders();
        CommandResult draft = cli("--set", "paperwire.approval=required", "run", "--sample");
        assertThat(draft.exitCode()).as(draft.toString()).isZero();

        CommandResult partial = cli("--set", "paperwire.approval=required", "approve", WEEK);

        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(3);
        assertThat(partial.out()).contains("0 sent").contains("did not answer for")
                .contains("smtp 127.0.0.1:" + smtpPort).contains("3 subscriber(s) left pending")
                .contains("Partial: 3 subscriber(s) not mailed yet. paperwire run --week " + WEEK);
        RunStatus run = latestRun();
        assertThat(run.state()).isEqualTo(RunState.PARTIAL);
        assertThat(run.deliveries().unsent()).isEqualTo(3);
        assertThat(run.alerts()).anySatisfy(alert -> assertThat(alert)
                .contains("3 subscriber(s) have not been mailed " + WEEK).contains("paperwire run --week " + WEEK));

        GreenMail smtp = smtpServer();
        try {
            CommandResult rest = cli("run", "--week", WEEK, "--sample");

            assertThat(rest.exitCode()).as(rest.toString()).isZero();
            assertThat(rest.out()).contains("3 sent, 0 already had it");
            assertThat(latestRun().state()).isEqualTo(RunState.SUCCEEDED);
            assertExactlyOnceEach(smtp);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void serveRetriesAPartialSendUntilTheServerIsBackAndTheRetryEndsSucceeded() throws Exception {
        addReaders();
        CommandResult partial = cli("run", "--sample");
        assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(3);
        assertThat(partial.out()).contains("Partial: 3 subscriber(s) not mailed yet. paperwire run --week " + WEEK);

        Map<String, String> overrides = new java.util.HashMap<>();
        for (int i = 0; i < settings().size(); i += 2) {
            if (settings().get(i).equals("--set")) {
                String[] pair = settings().get(i + 1).split("=", 2);
                overrides.put(pair[0], pair[1]);
            }
        }
        overrides.put("paperwire.deliver.retry-minutes", "0.01");
        overrides.put("paperwire.schedule.enabled", "false");
        overrides.put("paperwire.http.port", String.valueOf(ServeNode.freePort()));
        PaperwireApplication app = new PaperwireApplication(PaperwireSettings.load(home, overrides),
                PaperwireApplication.Mode.SERVE);
        GreenMail smtp = null;
        try (app; BackgroundServe ignored = BackgroundServe.start(app)) {
            // The server is still down for serve's first retry: that retry ends partial too.
            awaitRun(app, run -> run.trigger() == Trigger.RETRY && run.state() == RunState.PARTIAL);
            smtp = smtpServer();

            RunStatus done = awaitRun(app, run -> run.trigger() == Trigger.RETRY && run.state() == RunState.SUCCEEDED);

            assertThat(done.deliveries().sent()).isEqualTo(3);
            assertThat(done.deliveries().unsent()).isZero();
            String metrics = app.operations().metrics().scrape();
            assertThat(metrics).contains("paperwire_runs_total{state=\"partial\",trigger=\"retry\"} 1.0")
                    .contains("paperwire_runs_total{state=\"succeeded\",trigger=\"retry\"} 1.0");
            // Once the send is complete, nothing more is due: no further retry run, no second message.
            Thread.sleep(6_000);
            assertThat(app.operations().runs().latest().orElseThrow().id()).isEqualTo(done.id());
            assertExactlyOnceEach(smtp);
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    private static RunStatus awaitRun(PaperwireApplication app, java.util.function.Predicate<RunStatus> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            for (RunStatus run : app.operations().runs().recent(10)) {
                if (run.finished() && wanted.test(run)) {
                    return run;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such run within 40 s; runs: " + app.operations().runs().recent(10).stream()
                .map(r -> r.id() + " " + r.trigger() + " " + r.state()).toList());
    }

    private RunStatus latestRun() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of());
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            return new RunLog(database).latest().orElseThrow();
        }
    }

    private GreenMail smtpServer() {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static void assertExactlyOnceEach(GreenMail smtp) {
        Map<String, Long> perRecipient = Arrays.stream(smtp.getReceivedMessages()).map(PartialSendIT::recipient)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perRecipient).containsOnlyKeys(READERS);
        assertThat(perRecipient.values()).containsOnly(1L);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(MimeMessage.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
