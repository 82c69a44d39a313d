package io.paperwire.deliver;

import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded (H2) delivery log, over more subscribers than one chunk of its cursor holds. */
class DeliveryLogTest {

    static final int SUBSCRIBERS = 2_500;
    static final List<Subscriber.State> ACTIVE = List.of(Subscriber.State.ACTIVE);

    @TempDir
    Path home;

    @Test
    void aRerunHandsOutExactlyTheActiveSubscribersNotYetSentOrBouncedEachOnceInOrder() {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, SUBSCRIBERS);
            long issueId = fixture.publishIssue(1, 500).issueId();
            DeliveryLog log = new DeliveryLog(fixture.database, fixture.settings.dataDir());
            assertThat(log.unsent(issueId, ACTIVE)).isEqualTo(SUBSCRIBERS);

            // A first run that stops part-way: some sent, some failed, some bounced, the rest never reached.
            DeliveryLog.Claims first = log.claims(issueId, "run-1", ACTIVE);
            List<Long> sent = new ArrayList<>();
            List<Long> bounced = new ArrayList<>();
            for (int i = 0; i < 1_700; i++) {
                DeliveryLog.Claim claim = first.next().orElseThrow();
                long id = claim.subscriber().id();
                if (i % 13 == 0) {
                    claim.bounced("550 no such user");
                    bounced.add(id);
                } else if (i % 11 == 0) {
                    claim.failed("421 try again later");
                } else if (i % 3 != 0) {
                    claim.sent("<" + id + "@paperwire.example>");
                    sent.add(id);
                }
            }
            first.release();
            first.finish();
            SubscriberStore subscribers = new SubscriberStore(fixture.database);
            long unsubscribed = fixture.subscriber(2_000).id();
            subscribers.unsubscribe(unsubscribed);

            List<Long> expected = subscribers.inState(Subscriber.State.ACTIVE).stream().map(Subscriber::id)
                    .filter(id -> !sent.contains(id)).sorted().toList();
            assertThat(log.unsent(issueId, ACTIVE)).isEqualTo(expected.size());

            DeliveryLog.Claims second = log.claims(issueId, "run-2", ACTIVE);
            List<Long> handedOut = new ArrayList<>();
            for (Optional<DeliveryLog.Claim> claim; (claim = second.next()).isPresent(); ) {
                long id = claim.get().subscriber().id();
                assertThat(log.state(issueId, id)).as("row of subscriber %d before its message", id)
                        .hasValueSatisfying(state -> assertThat(state).isIn(DeliveryLog.State.PENDING, DeliveryLog.State.FAILED));
                handedOut.add(id);
                claim.get().sent("<" + id + "@paperwire.example>");
            }
            second.release();
            second.finish();

            assertThat(handedOut).doesNotContainAnyElementsOf(bounced).doesNotContain(unsubscribed)
                    .containsExactlyElementsOf(expected);
            assertThat(fixture.deliveries(issueId, "sent")).isEqualTo(sent.size() + expected.size());
            assertThat(log.unsent(issueId, ACTIVE)).isZero();
        }
    }

    @Test
    void aJournalLeftByADeadSendIsRecordedBeforeTheNextSendOfAnotherIssueReadsTheLog() {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, 5);
            long first = fixture.publishIssue(1, 500).issueId();
            long second = fixture.publishIssue(2, 500).issueId();
            DeliveryLog log = new DeliveryLog(fixture.database, fixture.settings.dataDir());
            // The dead send of the first issue: its rows pending, one bounced, three acceptances only in its journal.
            DeliveryLog.Claims dead = log.claims(first, "run-dead", ACTIVE);
            List<DeliveryLog.Claim> held = List.of(dead.next().orElseThrow(), dead.next().orElseThrow(),
                    dead.next().orElseThrow());
            held.get(2).bounced("550 no such user");
            dead.release();
            dead.finish();
            SentJournal journal = SentJournal.start(fixture.settings.dataDir().resolve(DeliveryLog.JOURNAL_FOLDER),
                    first, "run-dead");
            held.forEach(claim -> journal.append(claim.subscriber().id(), "<" + claim.subscriber().id() + "@dead>"));
            journal.close(false);
            assertThat(fixture.deliveries(first, "sent")).isZero();

            DeliveryLog.Claims next = log.claims(second, "run-next", ACTIVE);

            assertThat(fixture.deliveries(first, "sent")).isEqualTo(2);
            assertThat(log.state(first, held.get(0).subscriber().id())).hasValue(DeliveryLog.State.SENT);
            assertThat(log.state(first, held.get(2).subscriber().id())).as("bounced stays bounced")
                    .hasValue(DeliveryLog.State.BOUNCED);
            assertThat(fixture.database.queryOne("SELECT message_id FROM deliveries WHERE issue_id = ? AND subscriber_id = ?",
                    row -> row.getString("message_id"), first, held.get(1).subscriber().id()))
                    .hasValue("<" + held.get(1).subscriber().id() + "@dead>");
            assertThat(fixture.deliveries(second, "sent")).isZero();
            next.release();
            next.finish();
            assertThat(fixture.settings.dataDir().resolve(DeliveryLog.JOURNAL_FOLDER)).isEmptyDirectory();
        }
    }
}
