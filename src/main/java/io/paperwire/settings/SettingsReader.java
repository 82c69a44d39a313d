package io.paperwire.settings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

    /**
     * Reads one group of settings with a reader of its own, for a single use (tests, tools); the start reads every
     * group with one reader instead ({@code app.Configuration}).
     *
     * @throws PaperwireSettings.InvalidSettingsException listing every problem of the group
     */
    public static <T> T checked(Map<String, String> values, Function<SettingsReader, T> read) {
        SettingsReader reader = new SettingsReader(values);
        T result = read.apply(reader);
        reader.throwIfInvalid();
        return result;
    }

    /**
     * The value, stripped. Every key has its default in the bundled {@code application.properties}, so a key that is
     * not there at all is a mistake in the code or the file, reported like a bad value.
     */
    public String text(String key) {
        if (!values.containsKey(key)) {
            problem(key + ": missing; it belongs in application.properties");
            return "";
        }
        return values.get(key).strip();
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

    /** A duration given in (possibly fractional) seconds. */
    public Duration seconds(String key, double min, double max) {
        return Duration.ofMillis(Math.round(decimal(key, min, max) * 1000));
    }

    /** One of an enum's constants, written in any case; {@code fix} says what to write instead. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E otherwise, String fix) {
        String value = text(key);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problem(key, value, fix);
            return otherwise;
        }
    }

    /** As {@link #list(String)}, in lower case. */
    public List<String> lowerCaseList(String key) {
        return list(key).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
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
