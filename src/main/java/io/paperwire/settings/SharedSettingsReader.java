package io.paperwire.settings;

import io.paperwire.settings.PaperwireSettings.Alert;
import io.paperwire.settings.PaperwireSettings.Arxiv;
import io.paperwire.settings.PaperwireSettings.Database;
import io.paperwire.settings.PaperwireSettings.Http;
import io.paperwire.settings.PaperwireSettings.HuggingFace;
import io.paperwire.settings.PaperwireSettings.Interests;
import io.paperwire.settings.PaperwireSettings.Llm;
import io.paperwire.settings.PaperwireSettings.Mail;
import io.paperwire.settings.PaperwireSettings.Ops;
import io.paperwire.settings.PaperwireSettings.Schedule;
import io.paperwire.settings.PaperwireSettings.Secret;
import io.paperwire.settings.PaperwireSettings.Site;
import io.paperwire.settings.PaperwireSettings.Smtp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the settings every part shares into {@link PaperwireSettings}, collecting every problem (the key, the value
 * and how to fix it) so the operator can mend them all in one go.
 */
final class SharedSettingsReader extends SettingsReader {
    private final Path home;
    private final Map<String, String> values;
    private final Map<String, Secret> secrets;

    SharedSettingsReader(Path home, Map<String, String> values, Map<String, Secret> secrets, List<String> problems) {
        super(values);
        this.home = home;
        this.values = values;
        this.secrets = secrets;
        problems.forEach(this::problem);
    }

    PaperwireSettings settings() {
        Path outDir = path("paperwire.out-dir");
        Path dataDir = path("paperwire.data-dir");
        String dbUrl = text("paperwire.db.url");
        if (dbUrl.isEmpty()) {
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("paperwire").toAbsolutePath() + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
        } else if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            problem("paperwire.db.url", dbUrl, "use a jdbc:postgresql://host:port/db or jdbc:h2: URL, or leave it empty for the embedded database");
        }
        String provider = text("paperwire.llm.provider").toLowerCase(Locale.ROOT);
        if (!PaperwireSettings.LLM_PROVIDERS.contains(provider)) {
            problem("paperwire.llm.provider", provider, "choose one of " + new java.util.TreeSet<>(PaperwireSettings.LLM_PROVIDERS));
        }
        List<String> categories = list("paperwire.arxiv.categories");
        if (categories.isEmpty()) {
            problem("paperwire.arxiv.categories", "", "name at least one arXiv category, e.g. cs.LG");
        }
        String from = text("paperwire.mail.from");
        if (!from.matches(".*[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+.*")) {
            problem("paperwire.mail.from", from, "give an address such as 'Paperwire <news@example.org>'");
        }
        PaperwireSettings settings = new PaperwireSettings(
                home, outDir, dataDir,
                new Database(dbUrl, text("paperwire.db.username"), secrets.get("paperwire.db.password")),
                new Arxiv(url("paperwire.arxiv.api-url"), url("paperwire.arxiv.rss-url"),
                        url("paperwire.arxiv.listing-url"), categories,
                        integer("paperwire.arxiv.page-size", 1, 2000),
                        Duration.ofMillis(Math.round(decimal("paperwire.arxiv.delay-seconds", 0, 600) * 1000))),
                new HuggingFace(url("paperwire.hf.api-url")),
                new Http(integer("paperwire.http.port", 1, 65535), text("paperwire.http.user-agent"),
                        Duration.ofSeconds(integer("paperwire.http.timeout-seconds", 1, 3600))),
                new Interests(list("paperwire.interests.keywords"),
                        integer("paperwire.select.highlights", 0, 100),
                        integer("paperwire.select.noteworthy", 0, 200)),
                new Llm(provider, text("paperwire.llm.base-url"), text("paperwire.llm.model"),
                        secrets.get("paperwire.llm.api-key")),
                new Smtp(text("paperwire.smtp.host"), integer("paperwire.smtp.port", 1, 65535),
                        text("paperwire.smtp.username"), secrets.get("paperwire.smtp.password"),
                        bool("paperwire.smtp.starttls")),
                new Mail(from, text("paperwire.mail.list-id"), text("paperwire.mail.postal-address")),
                new Site(url("paperwire.site.base-url"), text("paperwire.site.title"), bool("paperwire.site.serve"),
                        text("paperwire.site.subscribe-url").isBlank() ? ""
                                : url("paperwire.site.subscribe-url").toString()),
                ops(),
                Map.copyOf(values), Map.copyOf(secrets));
        return settings;
    }

    private Ops ops() {
        String cron = text("paperwire.schedule.cron");
        if (!org.quartz.CronExpression.isValidExpression(cron)) {
            problem("paperwire.schedule.cron", cron, "give a Quartz cron expression (seconds minutes hours day-of-month"
                    + " month day-of-week), e.g. '0 0 7 ? * MON' for Mondays at 07:00");
        }
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        try {
            zone = java.time.ZoneId.of(text("paperwire.schedule.time-zone"));
        } catch (java.time.DateTimeException e) {
            problem("paperwire.schedule.time-zone", text("paperwire.schedule.time-zone"),
                    "give a time zone id such as UTC or Europe/Berlin");
        }
        String approval = text("paperwire.approval").toLowerCase(Locale.ROOT);
        if (!approval.equals("required") && !approval.equals("off")) {
            problem("paperwire.approval", approval, "write required or off");
        }
        List<java.time.LocalDate> holidays = new ArrayList<>();
        for (String day : list("paperwire.alert.arxiv-holidays")) {
            try {
                holidays.add(java.time.LocalDate.parse(day));
            } catch (java.time.DateTimeException e) {
                problem("paperwire.alert.arxiv-holidays", day, "list dates as YYYY-MM-DD, separated by commas");
            }
        }
        String email = text("paperwire.alert.email");
        if (!email.isEmpty() && !email.matches("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+")) {
            problem("paperwire.alert.email", email, "give one address such as ops@example.org, or leave it empty");
        }
        String node = text("paperwire.cluster.node-id");
        if (node.isEmpty()) {
            node = hostName() + "-" + ProcessHandle.current().pid();
        }
        int lockTimeoutMinutes = integer("paperwire.run.lock-timeout-minutes", 1, 7 * 24 * 60);
        int renewalSeconds = integer("paperwire.run.lock-renewal-seconds", 1, 3600);
        if (renewalSeconds * 2L > lockTimeoutMinutes * 60L) {
            problem("paperwire.run.lock-renewal-seconds", String.valueOf(renewalSeconds),
                    "renew at least twice within paperwire.run.lock-timeout-minutes=" + lockTimeoutMinutes
                            + ", or a live run's lock could be taken over");
        }
        return new Ops(secrets.get("paperwire.admin-token"),
                new Schedule(bool("paperwire.schedule.enabled"), cron, zone,
                        Duration.ofMinutes(integer("paperwire.schedule.grace-minutes", 0, 7 * 24 * 60)),
                        bool("paperwire.schedule.sample")),
                approval.equals("required"),
                new Alert(email, decimal("paperwire.alert.llm-fallback-rate", 0, 1),
                        decimal("paperwire.alert.delivery-error-rate", 0, 1), List.copyOf(holidays)),
                node, Duration.ofMinutes(lockTimeoutMinutes));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    private Path path(String key) {
        String value = text(key);
        if (value.isEmpty()) {
            problem(key, value, "give a folder path");
            return home;
        }
        return home.resolve(value).normalize();
    }
}
