package io.paperwire.deliver;

import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.subscribers.Preferences;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.Subscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader who unticked "the weekly issue" on their preferences page is not sent it, and the send is complete. */
class WeeklyOptOutTest {

    @TempDir
    Path home;

    @Test
    void aReaderWhoOptedOutOfTheWeeklyIssueIsNotSentItAndNothingIsLeftUnsent() throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
             OutboxMailer outbox = new OutboxMailer(home.resolve("outbox"))) {
            fixture.addSubscribers(0, 3);
            Subscriber optedOut = fixture.subscriber(1);
            new PreferencesStore(fixture.database).save(optedOut.id(), new Preferences(false, true, List.of("cs.CV"),
                    List.of(), List.of(), List.of(), null, null));
            RenderedIssue issue = fixture.publishIssue(1, 2_000);

            DeliveryReport report = fixture.stage(outbox, DeliverySettings.defaults()).deliver(issue);

            assertThat(report.sent()).isEqualTo(2);
            assertThat(report.unsent()).isZero();
            assertThat(fixture.database.queryOne("SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = ?",
                    row -> row.getInt("n"), optedOut.id())).contains(0);
        }
    }
}
