package io.paperwire;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed setting values and collects every problem, each naming the key, the value and how to fix it, so an
 * operator can mend all of them in one go. Shared by {@link PaperwireSettings} and the settings of each stage.
 */
public class SettingsReader {

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Map<String, String> values) {
        this.values = values;
    }

    /** The value, stripped; empty when the key is not set. */
    public String text(String key) {
        return values.getOrDefault(key, "").strip();
    }

    /** Records a bad value with the fix and where it can be set. */
    public void problem(String key, String value, String fix) {
        problems.add(key + " = '" + value + "': " + fix + " (in paperwire.properties, "
                + PaperwireSettings.environmentName(key) + " or --set " + key + "=…)");
    }

    /** Records a problem that is not about one value (already worded). */
    public void problem(String message) {
        problems.add(message);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws PaperwireSettings.InvalidSettingsException listing every problem met so far */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new PaperwireSettings.InvalidSettingsException("Invalid settings:\n  " + String.join("\n  ", problems));
        }
    }

    public int integer(String key, int min, int max) {
        String value = text(key);
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, value, "give a whole number from " + min + " to " + max);
        return min;
    }

    public double decimal(String key, double min, double max) {
        String value = text(key);
        try {
            double n = Double.parseDouble(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, value, "give a number from " + min + " to " + max);
        return min;
    }

    public boolean bool(String key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problem(key, value, "write true or false");
        }
        return value.equals("true");
    }

    /** Comma-separated when the value has a comma, else whitespace-separated. */
    public List<String> list(String key) {
        String value = text(key);
        String separator = value.contains(",") ? "," : "\\s+";
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Comma-separated always (for values such as author names, which contain spaces). */
    public List<String> commaList(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public URI url(String key) {
        String value = text(key);
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (Exception e) {
            problem(key, value, "give an absolute http(s) URL");
            return URI.create("http://invalid");
        }
    }
}
