package io.paperwire.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

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
        SettingsLayers layers = SettingsLayers.merge(home, environment, cliOverrides);
        SharedSettingsReader reader = new SharedSettingsReader(home, layers.values(), layers.secrets(), layers.problems());
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
        return SettingsLayers.bundledDefaults();
    }
}
