package io.paperwire.deliver;

import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import io.paperwire.testing.MailReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A spam complaint (ARF) about an issue we sent unsubscribes the subscriber it is about; nothing else does. */
class ComplaintReportsTest {

    @TempDir
    Path home;

    @Test
    void aComplaintQuotingOurSignedMessageIdUnsubscribesThatSubscriberEvenWithTheRecipientRedacted() throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, 2);
            SubscriberStore subscribers = new SubscriberStore(fixture.database);
            Subscriber complainer = fixture.subscriber(1);
            String messageId = new SentMessageId("2024-W21", complainer.id()).format("paperwire.example", fixture.tokens);
            ComplaintReports complaints = new ComplaintReports(fixture.tokens);

            assertThat(complaints.read(MailReports.complaint("abuse", messageId))).contains(
                    new ComplaintReports.Complaint(new SentMessageId("2024-W21", complainer.id()), "abuse"));
            assertThat(complaints.record(MailReports.complaint("abuse", messageId), subscribers)).isTrue();

            assertThat(subscribers.byId(complainer.id()).orElseThrow().state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
            assertThat(fixture.subscriber(0).state()).isEqualTo(Subscriber.State.ACTIVE);
        }
    }

    @Test
    void notSpamForgedOrForeignReportsChangeNothing() throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of())) {
            fixture.addSubscribers(0, 1);
            SubscriberStore subscribers = new SubscriberStore(fixture.database);
            long id = fixture.subscriber(0).id();
            String genuine = new SentMessageId("2024-W21", id).format("paperwire.example", fixture.tokens);
            String forged = "<paperwire.2024-W21." + id + ".AAAAAAAAAAAAAAAAAAAAAA@paperwire.example>";
            ComplaintReports complaints = new ComplaintReports(fixture.tokens);

            assertThat(complaints.record(MailReports.complaint("not-spam", genuine), subscribers)).isFalse();
            assertThat(complaints.record(MailReports.complaint("abuse", forged), subscribers)).isFalse();
            assertThat(complaints.record(MailReports.complaint("abuse", "<CAF123@mail.example.net>"), subscribers)).isFalse();

            assertThat(fixture.subscriber(0).state()).isEqualTo(Subscriber.State.ACTIVE);
        }
    }
}
