package io.paperwire.select;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.SectionKey;

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
 * The editor's word on this week's selection, from a small file (by default {@code overrides.properties} in the
 * home folder), one arXiv id a line:
 * <pre>
 * # pin: always in the issue, at the top of its section (default highlights)
 * 2405.12345 = pin
 * 2405.22222 = pin noteworthy
 * # drop: never in the issue
 * 2405.11111 = drop
 * # move: if selected, shown in this section
 * 2405.33333 = move highlights
 * </pre>
 * Lines that start with {@code roundup} belong to the roundups ({@code io.paperwire.roundup.RoundupOverrides}) and are
 * skipped here. The file is read at every run, so edits take effect without a restart. A line that cannot be understood stops the
 * run with the file, the line number and what is wrong.
 */
public final class EditorOverrides {

    /** Starts the lines of the same file that are about a roundup, not a week. */
    public static final String ROUNDUP_PREFIX = "roundup ";

    /** The reason a selected paper carries when the editor pinned it that week. */
    public static final String PINNED_REASON = "pinned by the editor";

    /** What the editor asked for one paper. */
    public enum Action { PIN, DROP, MOVE }

    public record Override(Action action, SectionKey section, int line) {}

    /** A line of the overrides file that cannot be understood. */
    public static final class InvalidOverridesException extends RuntimeException {
        public InvalidOverridesException(String message) {
            super(message);
        }
    }

    private final Map<ArxivId, Override> byId;

    private EditorOverrides(Map<ArxivId, Override> byId) {
        this.byId = Map.copyOf(byId);
    }

    public static EditorOverrides none() {
        return new EditorOverrides(Map.of());
    }

    /** The overrides in {@code file}, or none when it does not exist. */
    public static EditorOverrides read(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the editor overrides " + file, e);
        }
    }

    static EditorOverrides parse(List<String> lines, String source) {
        Map<ArxivId, Override> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")
                    || line.toLowerCase(Locale.ROOT).startsWith(ROUNDUP_PREFIX)) {
                continue;
            }
            String[] parts = line.split("\\s*[=:]\\s*|\\s+", 2);
            String where = source + ":" + number + ": '" + line + "': ";
            if (parts.length < 2) {
                problems.add(where + "write '<arXiv id> = pin [highlights|noteworthy]', '<arXiv id> = drop' or '<arXiv id> = move <section>'");
                continue;
            }
            ArxivId id;
            try {
                id = ArxivId.parse(parts[0]).id();
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
                continue;
            }
            String[] words = parts[1].strip().toLowerCase(Locale.ROOT).split("\\s+");
            Optional<Override> parsed = switch (words[0]) {
                case "pin" -> section(words, SectionKey.HIGHLIGHTS).map(s -> new Override(Action.PIN, s, number));
                case "move" -> words.length == 2 ? section(words, null).map(s -> new Override(Action.MOVE, s, number)) : Optional.empty();
                case "drop" -> words.length == 1 ? Optional.of(new Override(Action.DROP, null, number)) : Optional.empty();
                default -> Optional.empty();
            };
            if (parsed.isEmpty()) {
                problems.add(where + "the action must be 'pin', 'pin highlights', 'pin noteworthy', 'drop',"
                        + " 'move highlights' or 'move noteworthy'");
            } else if (byId.containsKey(id)) {
                problems.add(where + id + " already has an override on line " + byId.get(id).line());
            } else {
                byId.put(id, parsed.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidOverridesException("Editor overrides cannot be used:\n  " + String.join("\n  ", problems));
        }
        return new EditorOverrides(byId);
    }

    private static Optional<SectionKey> section(String[] words, SectionKey otherwise) {
        if (words.length == 1) {
            return Optional.ofNullable(otherwise);
        }
        if (words.length == 2 && (words[1].equals(SectionKey.HIGHLIGHTS.id()) || words[1].equals(SectionKey.NOTEWORTHY.id()))) {
            return Optional.of(SectionKey.parse(words[1]));
        }
        return Optional.empty();
    }

    public Optional<Override> of(ArxivId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public Map<ArxivId, Override> all() {
        return byId;
    }
}
