package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Components;
import io.paperwire.subscribers.CsvImport;
import io.paperwire.subscribers.FeedbackVote;
import io.paperwire.subscribers.Preferences;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.InvalidAddressException;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code paperwire subscribers add|remove|list|set|forget|import|export}: manage the list and each reader's
 * preferences from the command line.
 */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "Manage subscribers.")
public final class SubscribersCommand {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Subscribe an address (active at once).")
    int add(@Parameters(paramLabel = "EMAIL", description = "The address to subscribe.") String email) {
        try (Components components = open()) {
            Subscriber subscriber = components.subscriberStore().add(email);
            out().printf("%s is subscribed (id %d)%n", subscriber.email(), subscriber.id());
            return 0;
        } catch (InvalidAddressException e) {
            spec.commandLine().getErr().println("paperwire: " + e.getMessage());
            return Paperwire.EXIT_USAGE;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Unsubscribe an address at once (its record is kept, so it is never mailed again by mistake).")
    int remove(@Parameters(paramLabel = "EMAIL", description = "The address to unsubscribe.") String email) {
        try (Components components = open()) {
            SubscriberStore store = components.subscriberStore();
            Optional<Subscriber> known = store.find(SubscriberStore.normalise(email));
            if (known.isEmpty()) {
                spec.commandLine().getErr().println("paperwire: " + email.strip() + " is not on the list");
                return Paperwire.EXIT_FAILED;
            }
            store.unsubscribe(known.get().id());
            out().printf("%s is unsubscribed%n", known.get().email());
            return 0;
        } catch (InvalidAddressException e) {
            spec.commandLine().getErr().println("paperwire: " + e.getMessage());
            return Paperwire.EXIT_USAGE;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a subscriber's preferences (the options given replace those values; the rest stay).")
    int set(@Parameters(paramLabel = "EMAIL", description = "The subscriber's address.") String email,
            @Option(names = "--topics", paramLabel = "CATS", description = "arXiv categories, comma-separated, e.g. cs.CV,cs.RO") String topics,
            @Option(names = "--follow", paramLabel = "KEYWORDS", description = "Keywords to follow, comma-separated") String follow,
            @Option(names = "--mute", paramLabel = "KEYWORDS", description = "Keywords to mute, comma-separated") String mute,
            @Option(names = "--author", paramLabel = "NAMES", description = "Authors to follow, comma-separated") String authors,
            @Option(names = "--picks", paramLabel = "N", description = "Personal picks per issue (0: none)") Integer picks,
            @Option(names = "--format", paramLabel = "full|short", description = "The whole issue, or TL;DRs only") String format,
            @Option(names = "--weekly", paramLabel = "true|false", description = "Get the weekly issue") Boolean weekly,
            @Option(names = "--roundups", paramLabel = "true|false", description = "Get roundups") Boolean roundups) {
        try (Components components = open()) {
            Optional<Subscriber> known = components.subscriberStore().find(SubscriberStore.normalise(email));
            if (known.isEmpty()) {
                spec.commandLine().getErr().println("paperwire: " + email.strip() + " is not on the list"
                        + " (add it first: paperwire subscribers add " + email.strip() + ")");
                return Paperwire.EXIT_FAILED;
            }
            PreferencesStore store = components.preferencesStore();
            Preferences was = store.of(known.get().id()).orElse(Preferences.DEFAULT);
            Preferences now = new Preferences(weekly != null ? weekly : was.weekly(),
                    roundups != null ? roundups : was.roundups(),
                    topics != null ? Preferences.split(topics) : was.topics(),
                    follow != null ? Preferences.split(follow) : was.follows(),
                    mute != null ? Preferences.split(mute) : was.mutes(),
                    authors != null ? Preferences.split(authors) : was.authors(),
                    picks != null ? picks : was.picks(),
                    format != null ? Preferences.Format.of(format) : was.format());
            store.save(known.get().id(), now);
            out().printf("%s: topics %s, follows %s, mutes %s, authors %s, picks %s, format %s, weekly %s, roundups %s%n",
                    known.get().email(), now.topics(), now.follows(), now.mutes(), now.authors(),
                    now.picks() == null ? "default" : now.picks(), now.format().column(), now.weekly(), now.roundups());
            return 0;
        } catch (InvalidAddressException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("paperwire: " + e.getMessage());
            return Paperwire.EXIT_USAGE;
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Delete what is kept about a subscriber: preferences, feedback, address (and unsubscribe).")
    int forget(@Parameters(paramLabel = "EMAIL", description = "The address to forget.") String email) {
        try (Components components = open()) {
            Optional<Subscriber> known = components.subscriberStore().find(SubscriberStore.normalise(email));
            if (known.isEmpty()) {
                spec.commandLine().getErr().println("paperwire: " + email.strip() + " is not on the list");
                return Paperwire.EXIT_FAILED;
            }
            components.preferencesStore().forget(known.get().id());
            out().printf("%s is forgotten: preferences, feedback and address deleted%n", known.get().email());
            return 0;
        } catch (InvalidAddressException e) {
            spec.commandLine().getErr().println("paperwire: " + e.getMessage());
            return Paperwire.EXIT_USAGE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every subscriber with its state.")
    int list() {
        try (Components components = open()) {
            for (Subscriber s : components.subscriberStore().all()) {
                out().printf("%d\t%s\t%s%n", s.id(), s.email(), s.state().column());
            }
        }
        return 0;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Subscribe the addresses of a CSV file (column 'email', or the first column), with the"
                    + " optional preference columns of `export` (topics, follows, mutes, authors, picks, format, weekly,"
                    + " roundups, feedback). Bad rows are reported by line number and skipped; the good ones are imported.")
    int importCsv(@Parameters(paramLabel = "FILE.csv", description = "The CSV file.") Path file) {
        CsvImport.Report report;
        try (Components components = open(); Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = new CsvImport(components.subscriberStore(), components.preferencesStore())
                    .read(reader, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            spec.commandLine().getErr().println("paperwire: " + file + ": no such file");
            return Paperwire.EXIT_USAGE;
        } catch (IOException e) {
            spec.commandLine().getErr().println("paperwire: cannot read " + file + ": " + e.getMessage());
            return Paperwire.EXIT_USAGE;
        }
        for (String problem : report.problems()) {
            spec.commandLine().getErr().println(file.getFileName() + ": " + problem);
        }
        out().printf("Imported %d, %d already subscribed, %d kept out (unsubscribed or bounced), %d rows with problems%n",
                report.imported(), report.alreadySubscribed(), report.keptOut(),
                report.problems().size() - report.keptOut());
        return report.problems().size() > report.keptOut() ? Paperwire.EXIT_FAILED : 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Print every subscriber as CSV: email, state, created, confirmed, source, and their"
                    + " preferences and feedback (lists separated by '; ', feedback as arxiv-id:+1).")
    int export() throws IOException {
        try (Components components = open()) {
            CSVPrinter csv = new CSVPrinter(out(), CSVFormat.DEFAULT.builder()
                    .setHeader(CsvImport.EXPORT_COLUMNS.toArray(String[]::new)).get());
            PreferencesStore store = components.preferencesStore();
            Map<Long, Preferences> preferences = store.all();
            Map<Long, List<FeedbackVote>> feedback = store.allFeedback();
            for (SubscriberStore.Entry e : components.subscriberStore().entries()) {
                long id = e.subscriber().id();
                Preferences p = preferences.get(id);
                List<Object> row = new java.util.ArrayList<>(List.of(e.subscriber().email(),
                        e.subscriber().state().column(), e.createdAt(), e.confirmedAt() == null ? "" : e.confirmedAt(),
                        e.source() == null ? "" : e.source()));
                row.addAll(CsvImport.preferenceCells(p, feedback.getOrDefault(id, List.of())));
                csv.printRecord(row);
            }
            csv.flush();
        }
        return 0;
    }

    /** Only the database is opened (when a subcommand first asks for the list). */
    private Components open() {
        return new Components(parent.configuration());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
