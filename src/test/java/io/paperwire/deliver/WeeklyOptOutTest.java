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

/**
 * A reader who unticked "the weekly issue" (or "the roundups") on their preferences page is not sent it, and the send
 * is complete.
 */
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

    @Test
    void aReaderWhoOptedOutOfRoundupsStillGetsTheWeeklyIssueButNoRoundup() throws Exception {
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
             OutboxMailer outbox = new OutboxMailer(home.resolve("outbox"))) {
            fixture.addSubscribers(0, 3);
            Subscriber noRoundups = fixture.subscriber(2);
            new PreferencesStore(fixture.database).save(noRoundups.id(), new Preferences(true, false, List.of(),
                    List.of(), List.of(), List.of(), null, null));
            RenderedIssue issue = fixture.publishIssue(1, 2_000);
            fixture.database.update("INSERT INTO issues (week, edition, slug, state, subject, content, email_html,"
                    + " email_text, created_at, kind) VALUES ('2024-05', 1, 'roundup-2024-05', 'published', 'May',"
                    + " '{}', ?, ?, ?, 'roundup')", issue.html(), issue.text(), java.time.Instant.now());
            long roundupId = fixture.database.queryOne("SELECT id FROM issues WHERE slug = 'roundup-2024-05'",
                    row -> row.getLong("id")).orElseThrow();
            DeliverStage stage = fixture.stage(outbox, DeliverySettings.defaults());

            DeliveryReport weekly = stage.deliver(issue);
            Edition.Report roundup = stage.deliver(new Edition(roundupId, "roundup-2024-05", "May", issue.html(),
                    issue.text()));

            assertThat(weekly.sent()).isEqualTo(3);
            assertThat(roundup.sent()).isEqualTo(2);
            assertThat(roundup.unsent()).isZero();
            assertThat(fixture.database.queryOne("SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id = ?"
                    + " AND issue_id = ?", row -> row.getInt("n"), noRoundups.id(), roundupId)).contains(0);
        }
    }
}
