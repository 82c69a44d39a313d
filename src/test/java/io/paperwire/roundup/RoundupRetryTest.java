package io.paperwire.roundup;

import io.paperwire.archive.RoundupStore;
import io.paperwire.deliver.DeliverStage;
import io.paperwire.deliver.DeliveryFixture;
import io.paperwire.deliver.DeliveryLog;
import io.paperwire.deliver.DeliverySettings;
import io.paperwire.deliver.Edition;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.subscribers.Subscriber;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** serve finishes a roundup's partial send: every retry-minutes after the last attempt, for retry-hours. */
class RoundupRetryTest {

    private static final Duration EVERY = Duration.ofMinutes(30);
    private static final Duration FOR = Duration.ofHours(48);

    @TempDir
    Path home;

    DeliveryFixture fixture;
    RoundupStore roundups;
    DeliveryLog log;
    /** Every address a message reached, once per message. */
    final List<String> delivered = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** While set, the server answers 450 to these recipients. */
    final AtomicBoolean busy = new AtomicBoolean(true);
    final Set<String> busyMailboxes = ConcurrentHashMap.newKeySet();
    RoundupStage stage;

    @BeforeEach
    void open() {
        fixture = new DeliveryFixture(DeliveryFixture.settings(home, Map.of()), null);
        fixture.addSubscribers(0, 5);
        roundups = new RoundupStore(fixture.database);
        log = new DeliveryLog(fixture.database, fixture.settings.dataDir());
        busyMailboxes.addAll(List.of(DeliveryFixture.address(2), DeliveryFixture.address(3)));
        DeliverySettings delivery = DeliverySettings.defaults().withConcurrency(2)
                .withRetries(2, Duration.ofMillis(1), 50);
        DeliverStage deliverer = fixture.stage(new BusyMailboxes(), delivery);
        stage = new RoundupStage(new RoundupStage.Parts(null, roundups, null, null, null, null, null, null, deliverer,
                "Paperwire", ""), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A server that refuses the busy mailboxes for now (450, try later) and takes every other message. */
    private final class BusyMailboxes implements Mailer {
        @Override
        public String describe() {
            return "busy-mailboxes";
        }

        @Override
        public void send(String key, MimeMessage message) throws MessagingException {
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            if (busy.get() && busyMailboxes.contains(to)) {
                throw new SMTPAddressFailedException(new InternetAddress(to), "RCPT TO", 450, "4.2.1 mailbox busy");
            }
            delivered.add(to);
        }

        @Override
        public void close() {
        }
    }

    private Edition publishRoundup() {
        Roundup roundup = new Roundup(RoundupPeriod.month(2024, 5), 1, "Paperwire roundup: May 2024",
                Instant.parse("2024-06-03T08:00:00Z"), "The month's best papers.", "composed", false, 4, List.of());
        long id = fixture.database.inTransaction(c -> roundups.insert(c, roundup, "Paperwire roundup: May 2024",
                "<p>May 2024 <a href=\"%%UNSUBSCRIBE_URL%%\">Unsubscribe</a></p>", "May 2024\nUnsubscribe: %%UNSUBSCRIBE_URL%%\n"));
        return new Edition(id, roundup.slug(), "Paperwire roundup: May 2024",
                "<p>May 2024 <a href=\"%%UNSUBSCRIBE_URL%%\">Unsubscribe</a></p>", "May 2024\nUnsubscribe: %%UNSUBSCRIBE_URL%%\n");
    }

    private RoundupRetry retryAt(Instant now) {
        return new RoundupRetry(roundups, log, stage, EVERY, FOR, Clock.fixed(now, ZoneOffset.UTC));
    }

    private DeliveryLog.Attempts attempts(Edition edition) {
        return log.attempts(edition.id()).orElseThrow();
    }

    @Test
    void aRoundupSendThatLeftSubscribersOutIsFinishedOnceARetryIsDueAndNobodyGetsItTwice() {
        Edition edition = publishRoundup();
        Edition.Report first = stage.mailAgain(edition).orElseThrow();
        assertThat(first.sent()).isEqualTo(3);
        assertThat(first.isPartial()).isTrue();
        Instant last = attempts(edition).last();

        assertThat(retryAt(last.plus(EVERY).minusSeconds(1)).due()).as("before retry-minutes").isEmpty();
        assertThat(retryAt(last.plus(EVERY)).due()).contains(edition.id());

        busy.set(false);
        Optional<Edition.Report> retried = retryAt(last.plus(EVERY)).retryPending();
        assertThat(retried).hasValueSatisfying(report -> {
            assertThat(report.sent()).isEqualTo(2);
            assertThat(report.alreadySent()).isEqualTo(3);
            assertThat(report.isPartial()).isFalse();
        });
        assertThat(delivered).containsExactlyInAnyOrder(DeliveryFixture.address(0), DeliveryFixture.address(1),
                DeliveryFixture.address(2), DeliveryFixture.address(3), DeliveryFixture.address(4));
        assertThat(log.unsent(edition.id(), List.of(Subscriber.State.ACTIVE))).isZero();
        assertThat(retryAt(attempts(edition).last().plus(EVERY)).due()).as("nobody left").isEmpty();
    }

    @Test
    void aPartialSendIsNotRetriedPastRetryHoursAfterItBegan() {
        Edition edition = publishRoundup();
        stage.mailAgain(edition).orElseThrow();
        Instant began = attempts(edition).first();

        assertThat(retryAt(began.plus(FOR).minusSeconds(1)).due()).isPresent();
        assertThat(retryAt(began.plus(FOR).plusSeconds(1)).due()).isEmpty();
        assertThat(retryAt(began.plus(FOR).plusSeconds(1)).retryPending()).isEmpty();
        assertThat(delivered).hasSize(3);
    }

    @Test
    void aRoundupPublishedWithoutSendingIsNeverMailedByTheRetry() {
        publishRoundup();

        RoundupRetry later = retryAt(Instant.now().plus(EVERY));
        assertThat(later.due()).isEmpty();
        assertThat(later.retryPending()).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void onlyTheNewestRoundupIsRetried() {
        Edition may = publishRoundup();
        stage.mailAgain(may).orElseThrow();
        Roundup june = new Roundup(RoundupPeriod.month(2024, 6), 1, "Paperwire roundup: June 2024",
                Instant.parse("2024-07-01T08:00:00Z"), "", "composed", false, 4, List.of());
        fixture.database.inTransaction(c -> roundups.insert(c, june, "June", "<p>June</p>", "June\n"));

        assertThat(retryAt(attempts(may).last().plus(EVERY)).due()).as("June was published without --send").isEmpty();
    }
}
