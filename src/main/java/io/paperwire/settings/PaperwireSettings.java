package io.paperwire.settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every setting of Paperwire, read once at start and validated as a whole.
 *
 * <p>Layers, later ones win: the bundled {@code application.properties}; {@code paperwire.properties} in the home
 * folder; environment variables ({@code paperwire.arxiv.api-url} → {@code PAPERWIRE_ARXIV_API_URL}); command-line
 * {@code --set key=value}. Secrets (passwords, API keys, the admin token) are read from the environment only and
 * never appear in {@link #toString()} or {@link #asProperties()}.
 */
public record PaperwireSettings(
        Path home,
        Path outDir,
        Path dataDir,
        Database db,
        Arxiv arxiv,
        HuggingFace hf,
        Http http,
        Interests interests,
        Llm llm,
        Smtp smtp,
        Mail mail,
        Site site,
        Ops ops,
        Map<String, String> values,
        Map<String, Secret> secrets) {

    public record Database(String url, String username, Secret password) {
        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    public record Arxiv(URI apiUrl, URI rssUrl, URI listingUrl, List<String> categories, int pageSize,
                        Duration delay) {}

    public record HuggingFace(URI apiUrl) {}

    public record Http(int port, String userAgent, Duration timeout) {}

    public record Interests(List<String> keywords, int highlights, int noteworthy) {}

    public record Llm(String provider, String baseUrl, String model, Secret apiKey) {}

    public record Smtp(String host, int port, String username, Secret password, boolean starttls) {
        public boolean enabled() {
            return !host.isBlank();
        }
    }

    public record Mail(String from, String listId, String postalAddress) {}

    /**
     * The archive: where it is published, its name, whether {@code serve} serves it ({@code paperwire.site.serve}),
     * and where its subscribe form posts when that is not {@code serve}'s own {@code /subscribe}
     * ({@code paperwire.site.subscribe-url}, empty when unset).
     */
    public record Site(URI baseUrl, String title, boolean serve, String subscribeUrl) {

        /** Where the archive's subscribe form posts, or empty when nobody takes subscriptions for it (no form). */
        public java.util.Optional<String> subscribeFormAction() {
            if (!subscribeUrl.isBlank()) {
                return java.util.Optional.of(subscribeUrl);
            }
            return serve ? java.util.Optional.of(baseUrl.toString().replaceAll("/+$", "") + "/subscribe")
                    : java.util.Optional.empty();
        }
    }

    // --- Operations (schedule, admin API, approval, alerts, cluster) ---------------------------------------------

    /**
     * How Paperwire runs as a service.
     *
     * @param adminToken   bearer token of the admin API ({@code PAPERWIRE_ADMIN_TOKEN}); absent: the API is off
     * @param approval     true: a run stops after rendering as a draft until an editor approves it
     * @param nodeId       this process in a cluster (empty setting: host name and process id)
     * @param lockTimeout  after this, a run lock left by a process that died may be taken by a new run
     */
    public record Ops(Secret adminToken, Schedule schedule, boolean approval, Alert alert, String nodeId,
                      Duration lockTimeout) {
        public boolean apiEnabled() {
            return adminToken.isPresent();
        }
    }

    /**
     * The weekly schedule of {@code serve}.
     *
     * @param grace   a fire time missed while no node was running is caught up on start if it is at most this old
     * @param sample  scheduled runs build the bundled sample week (demos and tests)
     */
    public record Schedule(boolean enabled, String cron, java.time.ZoneId timeZone, Duration grace, boolean sample) {}

    /**
     * When a run is worth an operator's attention.
     *
     * @param email             where alerts are mailed (empty: logged and shown in the run status only)
     * @param llmFallbackRate   alert when more than this share of summaries fell back to the extractive summariser
     * @param deliveryErrorRate alert when more than this share of messages failed
     * @param arxivHolidays     days without arXiv announcements (no alarm when a source is quiet on them)
     */
    public record Alert(String email, double llmFallbackRate, double deliveryErrorRate,
                        List<java.time.LocalDate> arxivHolidays) {}

    /** A value that must not be logged: its {@code toString()} hides it. */
    public record Secret(String value) {
        public boolean isPresent() {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return isPresent() ? "******" : "(not set)";
        }
    }

    /** Thrown when settings cannot be used; its message lists every bad key and how to fix it. */
    public static final class InvalidSettingsException extends RuntimeException {
        public InvalidSettingsException(String message) {
            super(message);
        }
    }

    static final String PREFIX = "paperwire.";
    static final Set<String> LLM_PROVIDERS = Set.of("extractive", "openai", "anthropic", "ollama");
    private static final Map<String, String> SECRET_ENV = Map.of(
            "paperwire.db.password", "PAPERWIRE_DB_PASSWORD",
            "paperwire.smtp.password", "PAPERWIRE_SMTP_PASSWORD",
            "paperwire.llm.api-key", "PAPERWIRE_LLM_API_KEY",
            "paperwire.admin-token", "PAPERWIRE_ADMIN_TOKEN",
            "paperwire.secret", "PAPERWIRE_SECRET",
            "paperwire.list-mailbox.password", "PAPERWIRE_LIST_MAILBOX_PASSWORD");

    /** The environment variable that overrides a key: {@code paperwire.arxiv.api-url} → {@code PAPERWIRE_ARXIV_API_URL}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Settings as the real process sees them: files in {@code home}, the process environment, CLI overrides. */
    public static PaperwireSettings load(Path home, Map<String, String> cliOverrides) {
        return load(home, System.getenv(), cliOverrides);
    }

    public static PaperwireSettings load(Path home, Map<String, String> environment, Map<String, String> cliOverrides) {
        Loaded loaded = read(home, environment, cliOverrides);
        loaded.reader().throwIfInvalid();
        return loaded.settings();
    }

    /**
     * Settings whose problems are collected in {@code reader} and not thrown yet: whoever reads the stages' own
     * groups reads them with the same reader, so that one start reports every bad value at once.
     */
    public record Loaded(PaperwireSettings settings, SettingsReader reader) {}

    /** As {@link #load(Path, Map, Map)}, with the problems left in the returned reader. */
    public static Loaded read(Path home, Map<String, String> environment, Map<String, String> cliOverrides) {
        Map<String, String> merged = new TreeMap<>(bundledDefaults());
        Path file = home.resolve("paperwire.properties");
        if (Files.isRegularFile(file)) {
            merged.putAll(readProperties(file));
        }
        for (String key : List.copyOf(merged.keySet())) {
            String fromEnv = environment.get(environmentName(key));
            if (fromEnv != null) {
                merged.put(key, fromEnv);
            }
        }
        List<String> problems = new ArrayList<>();
        cliOverrides.forEach((key, value) -> {
            if (!merged.containsKey(key)) {
                problems.add(key + ": unknown setting given on the command line; see docs/operating.md (All settings) for the list");
            } else {
                merged.put(key, value);
            }
        });
        Map<String, Secret> secrets = new LinkedHashMap<>();
        SECRET_ENV.forEach((key, env) -> {
            secrets.put(key, new Secret(environment.get(env)));
            if (merged.remove(key) != null) {
                problems.add(key + ": secrets are read from the environment only; remove it from the file and set " + env);
            }
        });
        Reader reader = new Reader(home, merged, secrets, problems);
        return new Loaded(reader.settings(), reader);
    }

    /** The non-secret values as Camel property placeholders ({@code {{paperwire.http.port}}}). */
    public Properties asProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    public Secret secret(String key) {
        return switch (key) {
            case "paperwire.db.password" -> db.password();
            case "paperwire.smtp.password" -> smtp.password();
            case "paperwire.llm.api-key" -> llm.apiKey();
            case "paperwire.admin-token" -> ops.adminToken();
            default -> {
                if (!secrets.containsKey(key)) {
                    throw new IllegalArgumentException("no secret named " + key);
                }
                yield secrets.get(key);
            }
        };
    }

    /** The key that signs subscription links ({@code PAPERWIRE_SECRET}); may be absent. */
    public Secret serverSecret() {
        return secret("paperwire.secret");
    }

    /** The defaults bundled in {@code application.properties}, every key Paperwire reads. */
    public static Map<String, String> bundledDefaults() {
        try (InputStream in = PaperwireSettings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            return toMap(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled application.properties", e);
        }
    }

    private static Map<String, String> readProperties(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return toMap(in);
        } catch (IOException e) {
            throw new InvalidSettingsException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> toMap(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (java.io.Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k).strip()));
        return map;
    }

    /** Reads typed values, collecting every problem so the operator can fix them all in one go. */
    private static final class Reader extends SettingsReader {
        private final Path home;
        private final Map<String, String> values;
        private final Map<String, Secret> secrets;

        Reader(Path home, Map<String, String> values, Map<String, Secret> secrets, List<String> problems) {
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
            if (!LLM_PROVIDERS.contains(provider)) {
                problem("paperwire.llm.provider", provider, "choose one of " + new java.util.TreeSet<>(LLM_PROVIDERS));
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
}
