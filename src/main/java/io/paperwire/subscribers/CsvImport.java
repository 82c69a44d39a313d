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
import java.util.Optional;
import java.util.Set;

/**
 * Imports subscribers from CSV: one address per row, in the column headed {@code email} when the first row is a
 * header, otherwise in the first column. Good rows are imported (active: the operator vouches for their consent);
 * each bad row is reported with its line number and skipped. Addresses that unsubscribed or bounced are not brought
 * back by an import.
 */
public final class CsvImport {

    /** What an import did; {@code problems} name the line and what was wrong with it. */
    public record Report(int imported, int alreadySubscribed, int keptOut, List<String> problems) {}

    private final SubscriberStore store;

    public CsvImport(SubscriberStore store) {
        this.store = store;
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
                    store.add(email, "import " + sourceName);
                    imported++;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add("stopped reading " + sourceName + ": " + e.getMessage());
        }
        return new Report(imported, already, keptOut, problems);
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
