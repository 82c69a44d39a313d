package io.paperwire.ops;

import io.paperwire.mail.Mailer;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertsTest {

    static final Week WEEK = Week.parse("2024-W21");
    static final RunRequest LIVE = RunRequest.of(WEEK);

    final List<MimeMessage> mailed = new ArrayList<>();
    final Mailer mailer = new Mailer() {
        @Override
        public String describe() {
            return "test";
        }

        @Override
        public void send(String key, MimeMessage message) {
            mailed.add(message);
        }

        @Override
        public void close() {}
    };

    Alerts alerts(String email, LocalDate... holidays) {
        return new Alerts(new PaperwireSettings.Alert(email, 0.25, 0.05, List.of(holidays)),
                "Paperwire <news@example.org>", mailer);
    }

    static Candidates papersOn(Map<String, Integer> perSource, LocalDate... days) {
        List<Paper> papers = new ArrayList<>();
        int n = 0;
        for (LocalDate day : days) {
            papers.add(new Paper(ArxivId.of("2405." + (10000 + n++)), 1, "t", "a", List.of(), "cs.LG", List.of(),
                    day.atTime(12, 0).toInstant(ZoneOffset.UTC), null, "", "", "", null));
        }
        return new Candidates(LIVE, papers, new SourceReport(perSource, Map.of(), List.of()));
    }

    @Test
    void weekendsAndHolidaysAreNotAnnouncementDays() {
        LocalDate wednesday = LocalDate.of(2024, 5, 22);
        assertThat(alerts("", wednesday).announcementDays(WEEK)).containsExactly(LocalDate.of(2024, 5, 20),
                LocalDate.of(2024, 5, 21), LocalDate.of(2024, 5, 23), LocalDate.of(2024, 5, 24));
    }

    @Test
    void aQuietWeekdayIsAnAlarmButAHolidayIsNot() {
        LocalDate mon = LocalDate.of(2024, 5, 20);
        Candidates noWednesday = papersOn(Map.of("arXiv API", 4, "Hugging Face", 2), mon, mon.plusDays(1),
                mon.plusDays(3), mon.plusDays(4));
        assertThat(alerts("").evaluate(WEEK, noWednesday, null, null, null))
                .singleElement().asString().contains("2024-05-22");
        assertThat(alerts("", mon.plusDays(2)).evaluate(WEEK, noWednesday, null, null, null)).isEmpty();
    }

    @Test
    void aSourceWithNoPapersAllWeekIsAnAlarm() {
        LocalDate mon = LocalDate.of(2024, 5, 20);
        Candidates noHf = papersOn(Map.of("arXiv API", 5, "Hugging Face", 0), mon, mon.plusDays(1), mon.plusDays(2),
                mon.plusDays(3), mon.plusDays(4));
        assertThat(alerts("").evaluate(WEEK, noHf, null, null, null)).singleElement().asString()
                .contains("Hugging Face");
    }

    @Test
    void deliveryErrorsAboveTheThresholdAreMailedToTheOperator() throws Exception {
        // Nothing unsent: each failed subscriber has been mailed since by a later run of the week.
        DeliveryReport report = new DeliveryReport(LIVE, "2024-W21", 100, 90, 0, 10, 0, 0, "", "smtp");
        Alerts alerts = alerts("ops@example.org");
        List<String> raised = alerts.evaluate(WEEK, null, null, report, null);
        assertThat(raised).singleElement().asString().contains("10 of 100");
        alerts.raise(7, WEEK, raised);
        assertThat(mailed).singleElement().satisfies(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("ops@example.org");
            assertThat(m.getSubject()).contains("run 7");
            assertThat(m.getContent().toString()).contains("10 of 100");
        });
        assertThat(alerts.evaluate(WEEK, null, null, new DeliveryReport(LIVE, "2024-W21", 100, 99, 0, 1, 0, 0, "", "smtp"),
                null)).as("1% is below the 5% threshold").isEmpty();
    }

    @Test
    void aPartialSendAlertNamesHowManyAreLeftWhyAndHowToFinish() {
        DeliveryReport partial = new DeliveryReport(LIVE, "2024-W21", 300, 100, 0, 0, 0, 200,
                "the SMTP server smtp mail.example.org:587 did not answer for 900 s", "smtp");

        assertThat(alerts("").evaluate(WEEK, null, null, partial, null)).singleElement().asString()
                .contains("200 subscriber(s) have not been mailed 2024-W21")
                .contains("did not answer for 900 s").contains("paperwire run --week 2024-W21");
        DeliveryReport complete = new DeliveryReport(LIVE, "2024-W21", 300, 200, 100, 0, 0, 0, "", "smtp");
        assertThat(alerts("").evaluate(WEEK, null, null, complete, null)).isEmpty();
    }

    @Test
    void withoutAnAddressAlertsAreOnlyLogged() {
        alerts("").raise(7, WEEK, List.of("something"));
        assertThat(mailed).isEmpty();
    }
}
