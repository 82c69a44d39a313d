package io.paperwire.ops;

import io.paperwire.mail.Mailer;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.Paper;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Summary;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges a finished run: a source that was quiet on announcement days (weekends and arXiv holidays do not count),
 * too many LLM fallbacks, a send that left subscribers unmailed, too many failed deliveries, or a failed run. Each alert is logged as a warning, stored
 * with the run, and mailed to {@code paperwire.alert.email} when set.
 */
public final class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private final PaperwireSettings.Alert settings;
    private final String from;
    private final Mailer mailer;

    public Alerts(PaperwireSettings.Alert settings, String from, Mailer mailer) {
        this.settings = settings;
        this.from = from;
        this.mailer = mailer;
    }

    /** The days of a week on which the sources announce papers: Monday to Friday, except arXiv holidays. */
    public List<LocalDate> announcementDays(Week week) {
        return week.days().stream().filter(d -> !WEEKEND.contains(d.getDayOfWeek()))
                .filter(d -> !settings.arxivHolidays().contains(d)).toList();
    }

    /** The alerts a run raised, judged from what its stages produced; null stages are simply not judged. */
    public List<String> evaluate(Week week, Candidates candidates, Selection summarized, DeliveryReport delivery,
                                 Throwable failure) {
        List<String> alerts = new ArrayList<>();
        if (failure != null) {
            alerts.add("the run failed: " + failure.getMessage());
        }
        if (candidates != null && !candidates.request().sample()) {
            alerts.addAll(quietSources(week, candidates));
        }
        if (summarized != null) {
            List<Summary> summaries = summarized.papers().map(SelectedPaper::summary).filter(Objects::nonNull).toList();
            long fallbacks = summaries.stream().filter(Summary::fallback).count();
            if (!summaries.isEmpty() && (double) fallbacks / summaries.size() > settings.llmFallbackRate()) {
                alerts.add(String.format("%d of %d summaries fell back to the extractive summariser (above %.0f%%)",
                        fallbacks, summaries.size(), settings.llmFallbackRate() * 100));
            }
        }
        if (delivery != null && delivery.isPartial()) {
            alerts.add(unsentAlert(week, delivery));
        }
        if (delivery != null && delivery.failed() > 0) {
            int attempted = delivery.sent() + delivery.failed();
            if ((double) delivery.failed() / attempted > settings.deliveryErrorRate()) {
                alerts.add(String.format("%d of %d messages of %s failed (above %.0f%%)", delivery.failed(), attempted,
                        delivery.issueSlug(), settings.deliveryErrorRate() * 100));
            }
        }
        return alerts;
    }

    private static String unsentAlert(Week week, DeliveryReport delivery) {
        return String.format("%d subscriber(s) have not been mailed %s yet%s; `paperwire run --week %s` sends only"
                        + " them (serve retries on its own every paperwire.deliver.retry-minutes)", delivery.unsent(),
                delivery.issueSlug(), delivery.isPaused() ? " (" + delivery.paused() + ")" : "", week);
    }

    private List<String> quietSources(Week week, Candidates candidates) {
        List<String> alerts = new ArrayList<>();
        List<LocalDate> days = announcementDays(week);
        if (days.isEmpty()) {
            return alerts;
        }
        candidates.report().papersPerSource().forEach((source, count) -> {
            if (count == 0) {
                alerts.add("no papers from " + source + " in " + week + " although it had " + days.size()
                        + " announcement days");
            }
        });
        Map<LocalDate, Long> perDay = candidates.papers().stream().map(Paper::published).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(t -> t.atZone(ZoneOffset.UTC).toLocalDate(), Collectors.counting()));
        if (!perDay.isEmpty()) {
            for (LocalDate day : days) {
                if (perDay.getOrDefault(day, 0L) == 0) {
                    alerts.add("no papers submitted on " + day.getDayOfWeek().toString().charAt(0)
                            + day.getDayOfWeek().toString().substring(1).toLowerCase() + " " + day
                            + ", an announcement day");
                }
            }
        }
        return alerts;
    }

    /** Logs each alert and mails them together when an address is set; mailing problems are logged, not thrown. */
    public void raise(long runId, Week week, List<String> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        alerts.forEach(alert -> LOG.warn("ALERT run {} of {}: {}", runId, week, alert));
        if (settings.email().isBlank()) {
            return;
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(settings.email()));
            message.setSubject("[Paperwire] " + alerts.size() + " alert(s) for run " + runId + " of " + week,
                    StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setText("Run " + runId + " of " + week + " raised:\n\n- " + String.join("\n- ", alerts)
                    + "\n\nDetails: GET /api/runs/" + runId + "\n", StandardCharsets.UTF_8.name());
            mailer.send("alert-run-" + runId, message);
            LOG.info("Alerts of run {} mailed to {}", runId, settings.email());
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Alerts of run {} could not be mailed to {}: {}", runId, settings.email(), e.getMessage());
        }
    }
}
