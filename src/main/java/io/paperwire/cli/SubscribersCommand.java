package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code paperwire subscribers add|list}: manage the list from the command line. */
@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "Manage subscribers.")
public final class SubscribersCommand {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Subscribe an address (active at once).")
    int add(@Parameters(paramLabel = "EMAIL", description = "The address to subscribe.") String email) {
        PaperwireSettings settings = parent.settings();
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            Subscriber subscriber = new SubscriberStore(database).add(email);
            out().printf("%s is subscribed (id %d)%n", subscriber.email(), subscriber.id());
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every subscriber with its state.")
    int list() {
        PaperwireSettings settings = parent.settings();
        try (Database database = Database.open(settings.db(), settings.dataDir())) {
            for (Subscriber s : new SubscriberStore(database).all()) {
                out().printf("%d\t%s\t%s%n", s.id(), s.email(), s.state().column());
            }
        }
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
