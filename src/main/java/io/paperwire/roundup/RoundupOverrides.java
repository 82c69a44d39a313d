package io.paperwire.roundup;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.select.EditorOverrides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's word on a roundup, in the same file as the weekly overrides ({@code paperwire.select.overrides}), one
 * line per paper, keyed by the roundup's period:
 * <pre>
 * # pin: always in the May 2024 roundup, above the ranked papers
 * roundup 2024-05 2405.12345 = pin
 * # drop: never in the 2024 roundup
 * roundup 2024 2405.11111 = drop
 * </pre>
 * The weekly selection skips these lines ({@link EditorOverrides#ROUNDUP_PREFIX}). Every roundup line is checked when a
 * roundup is made, whatever its period: a line that cannot be understood stops the roundup with the file, the line
 * number and what is wrong.
 */
public final class RoundupOverrides {

    /** What the editor asked for one paper of one roundup. */
    public enum Action { PIN, DROP }

    /** One line: the action and where it was written ({@code file:line}). */
    public record Override(Action action, String where) {}

    private final Map<ArxivId, Override> byId;

    private RoundupOverrides(Map<ArxivId, Override> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static RoundupOverrides none() {
        return new RoundupOverrides(Map.of());
    }

    /**
     * The overrides of this period in {@code file}, or none when it does not exist.
     *
     * @throws EditorOverrides.InvalidOverridesException listing every roundup line that cannot be understood
     */
    public static RoundupOverrides read(Path file, RoundupPeriod period) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.getFileName().toString(), period);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the editor overrides " + file, e);
        }
    }

    static RoundupOverrides parse(List<String> lines, String source, RoundupPeriod period) {
        Map<ArxivId, Override> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.toLowerCase(Locale.ROOT).startsWith(EditorOverrides.ROUNDUP_PREFIX)) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] words = line.replaceAll("\\s*[=:]\\s*", " ").split("\\s+");
            if (words.length != 4) {
                problems.add(where + ": '" + line + "': write 'roundup <period> <arXiv id> = pin' or '... = drop'");
                continue;
            }
            RoundupPeriod lineperiod;
            ArxivId id;
            try {
                lineperiod = RoundupPeriod.parse(words[1]);
                id = ArxivId.parse(words[2]).id();
            } catch (IllegalArgumentException e) {
                problems.add(where + ": '" + line + "': " + e.getMessage());
                continue;
            }
            Optional<Action> action = switch (words[3].toLowerCase(Locale.ROOT)) {
                case "pin" -> Optional.of(Action.PIN);
                case "drop" -> Optional.of(Action.DROP);
                default -> Optional.empty();
            };
            if (action.isEmpty()) {
                problems.add(where + ": '" + line + "': the action must be 'pin' or 'drop'");
            } else if (lineperiod.equals(period)) {
                Override previous = byId.putIfAbsent(id, new Override(action.get(), where));
                if (previous != null) {
                    problems.add(where + ": '" + line + "': " + id + " of roundup " + period + " already has an"
                            + " override at " + previous.where());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EditorOverrides.InvalidOverridesException("Roundup overrides cannot be used:\n  "
                    + String.join("\n  ", problems));
        }
        return new RoundupOverrides(byId);
    }

    public Optional<Override> of(ArxivId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<ArxivId, Override> all() {
        return byId;
    }
}
