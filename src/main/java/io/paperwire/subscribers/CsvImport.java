package io.paperwire.subscribers;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports subscribers from CSV: one address per row, in the column headed {@code email} when the first row is a
 * header, otherwise in the first column. Good rows are imported (active: the operator vouches for their consent);
 * each bad row is reported with its line number and skipped. Addresses that unsubscribed or bounced are not brought
 * back by an import. With a header, the optional columns of {@code subscribers export} ({@link #PREFERENCE_COLUMNS})
 * set the reader's preferences and feedback; a row whose preferences are wrong is reported and its address still
 * imported without them.
 */
public final class CsvImport {

    /** What an import did; {@code problems} name the line and what was wrong with it. */
    public record Report(int imported, int alreadySubscribed, int keptOut, List<String> problems) {}

    /** The preference and feedback columns of an export, after email, state, created_at, confirmed_at, source. */
    public static final List<String> PREFERENCE_COLUMNS = List.of("weekly", "roundups", "topics", "follows", "mutes",
            "authors", "picks", "format", "feedback");
    public static final List<String> EXPORT_COLUMNS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("email", "state", "created_at", "confirmed_at", "source"),
            PREFERENCE_COLUMNS.stream()).toList();
    private static final String LIST_SEPARATOR = "; ";

    private final SubscriberStore store;
    private final PreferencesStore preferences;

    public CsvImport(SubscriberStore store) {
        this(store, null);
    }

    /** @param preferences where the optional preference columns go; null: they are ignored */
    public CsvImport(SubscriberStore store, PreferencesStore preferences) {
        this.store = store;
        this.preferences = preferences;
    }

    /** The preference and feedback cells of one reader's export row (empty cells: no preferences of their own). */
    public static List<String> preferenceCells(Preferences p, List<FeedbackVote> feedback) {
        List<String> cells = new ArrayList<>();
        if (p == null) {
            cells.addAll(java.util.Collections.nCopies(PREFERENCE_COLUMNS.size() - 1, ""));
        } else {
            cells.addAll(List.of(String.valueOf(p.weekly()), String.valueOf(p.roundups()),
                    String.join(LIST_SEPARATOR, p.topics()), String.join(LIST_SEPARATOR, p.follows()),
                    String.join(LIST_SEPARATOR, p.mutes()), String.join(LIST_SEPARATOR, p.authors()),
                    p.picks() == null ? "" : String.valueOf(p.picks()), p.format().column()));
        }
        cells.add(String.join(" ", feedback.stream().map(v -> v.arxivId() + ":" + (v.vote() > 0 ? "+1" : "-1")).toList()));
        return cells;
    }

    public Report read(Reader csv, String sourceName) {
        int imported = 0;
        int already = 0;
        int keptOut = 0;
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            int column = 0;
            Map<String, Integer> named = Map.of();
            boolean first = true;
            long lastEnd = 0;
            for (CSVRecord row : parser) {
                long line = lastEnd + 1;
                lastEnd = parser.getCurrentLineNumber();
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                if (first) {
                    first = false;
                    int header = headerColumn(row);
                    if (header >= 0) {
                        column = header;
                        named = names(row);
                        continue;
                    }
                }
                if (row.size() <= column || row.get(column).isBlank()) {
                    problems.add("line " + line + ": no email address");
                    continue;
                }
                String email;
                try {
                    email = SubscriberStore.normalise(row.get(column));
                } catch (InvalidAddressException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                    continue;
                }
                if (!seen.add(email)) {
                    problems.add("line " + line + ": " + email + " appears earlier in the file");
                    continue;
                }
                Optional<Subscriber> known = store.find(email);
                if (known.isPresent() && known.get().state() == Subscriber.State.ACTIVE) {
                    already++;
                } else if (known.isPresent() && (known.get().state() == Subscriber.State.UNSUBSCRIBED
                        || known.get().state() == Subscriber.State.BOUNCED)) {
                    keptOut++;
                    problems.add("line " + line + ": " + email + " is " + known.get().state().column()
                            + "; an import does not subscribe it again");
                } else {
                    Subscriber added = store.add(email, "import " + sourceName);
                    imported++;
                    String problem = importPreferences(added.id(), row, named);
                    if (!problem.isEmpty()) {
                        problems.add("line " + line + ": " + email + " imported without preferences: " + problem);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add("stopped reading " + sourceName + ": " + e.getMessage());
        }
        return new Report(imported, already, keptOut, problems);
    }

    /** Sets the row's preferences and feedback from the optional columns; the problem, or "" when none. */
    private String importPreferences(long id, CSVRecord row, Map<String, Integer> named) {
        if (preferences == null || named.isEmpty()) {
            return "";
        }
        java.util.function.Function<String, String> cell = name -> {
            Integer at = named.get(name);
            return at == null || at >= row.size() ? "" : row.get(at).strip();
        };
        try {
            boolean any = PREFERENCE_COLUMNS.stream().filter(c -> !c.equals("feedback"))
                    .anyMatch(c -> !cell.apply(c).isEmpty());
            if (any) {
                String picks = cell.apply("picks");
                preferences.save(id, new Preferences(!cell.apply("weekly").equalsIgnoreCase("false"),
                        !cell.apply("roundups").equalsIgnoreCase("false"), entries(cell.apply("topics")),
                        entries(cell.apply("follows")), entries(cell.apply("mutes")), entries(cell.apply("authors")),
                        picks.isEmpty() ? null : Integer.valueOf(picks), Preferences.Format.of(cell.apply("format"))));
            }
            for (String vote : cell.apply("feedback").split("\\s+")) {
                if (vote.isEmpty()) {
                    continue;
                }
                int colon = vote.lastIndexOf(':');
                if (colon <= 0 || !(vote.endsWith(":+1") || vote.endsWith(":-1"))) {
                    throw new IllegalArgumentException("feedback '" + vote + "': write arxiv-id:+1 or arxiv-id:-1");
                }
                preferences.vote(id, vote.substring(0, colon), vote.endsWith("+1") ? 1 : -1);
            }
            return "";
        } catch (NumberFormatException e) {
            return "picks: give a number from 0 to " + Preferences.MAX_PICKS;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<String> entries(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split("[;\\n]"));
    }

    private static Map<String, Integer> names(CSVRecord header) {
        Map<String, Integer> names = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            names.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        return names;
    }

    /** The index of the {@code email} column when this row is a header, else -1. */
    private static int headerColumn(CSVRecord row) {
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (cell.equals("email") || cell.equals("emailaddress") || cell.equals("mail")) {
                return i;
            }
        }
        return -1;
    }
}
