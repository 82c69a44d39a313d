package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Components;
import io.paperwire.subscribers.CsvImport;
import io.paperwire.subscribers.InvalidAddressException;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
import java.util.Optional;

/** {@code paperwire subscribers add|remove|list|import|export}: manage the list from the command line. */
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
            description = "Subscribe the addresses of a CSV file (column 'email', or the first column). Bad rows are"
                    + " reported by line number and skipped; the good ones are imported.")
    int importCsv(@Parameters(paramLabel = "FILE.csv", description = "The CSV file.") Path file) {
        CsvImport.Report report;
        try (Components components = open(); Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = new CsvImport(components.subscriberStore()).read(reader, file.getFileName().toString());
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
            description = "Print every subscriber as CSV: email, state, created, confirmed, source.")
    int export() throws IOException {
        try (Components components = open()) {
            CSVPrinter csv = new CSVPrinter(out(), CSVFormat.DEFAULT.builder()
                    .setHeader("email", "state", "created_at", "confirmed_at", "source").get());
            for (SubscriberStore.Entry e : components.subscriberStore().entries()) {
                csv.printRecord(e.subscriber().email(), e.subscriber().state().column(), e.createdAt(),
                        e.confirmedAt() == null ? "" : e.confirmedAt(), e.source() == null ? "" : e.source());
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
