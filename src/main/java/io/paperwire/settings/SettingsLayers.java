package io.paperwire.settings;

import io.paperwire.settings.PaperwireSettings.InvalidSettingsException;
import io.paperwire.settings.PaperwireSettings.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where setting values come from, later layers winning: the bundled {@code application.properties} (every key and its
 * default), {@code paperwire.properties} in the home folder, environment variables ({@code paperwire.arxiv.api-url} →
 * {@code PAPERWIRE_ARXIV_API_URL}), the command line's {@code --set}. Secrets come from the environment only.
 *
 * @param values   every non-secret key with its value
 * @param secrets  the secrets by key, each hidden from {@code toString()}
 * @param problems what is wrong already (an unknown key on the command line, a secret in a file)
 */
record SettingsLayers(Map<String, String> values, Map<String, Secret> secrets, List<String> problems) {

    static final Map<String, String> SECRET_ENV = Map.of(
            "paperwire.db.password", "PAPERWIRE_DB_PASSWORD",
            "paperwire.smtp.password", "PAPERWIRE_SMTP_PASSWORD",
            "paperwire.llm.api-key", "PAPERWIRE_LLM_API_KEY",
            "paperwire.admin-token", "PAPERWIRE_ADMIN_TOKEN",
            "paperwire.secret", "PAPERWIRE_SECRET",
            "paperwire.list-mailbox.password", "PAPERWIRE_LIST_MAILBOX_PASSWORD");

    static SettingsLayers merge(Path home, Map<String, String> environment, Map<String, String> cliOverrides) {
        Map<String, String> merged = new TreeMap<>(bundledDefaults());
        Path file = home.resolve("paperwire.properties");
        if (Files.isRegularFile(file)) {
            merged.putAll(readProperties(file));
        }
        for (String key : List.copyOf(merged.keySet())) {
            String fromEnv = environment.get(PaperwireSettings.environmentName(key));
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
        return new SettingsLayers(merged, secrets, problems);
    }

    /** The defaults bundled in {@code application.properties}, every key Paperwire reads. */
    static Map<String, String> bundledDefaults() {
        try (InputStream in = SettingsLayers.class.getResourceAsStream("/application.properties")) {
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
}
