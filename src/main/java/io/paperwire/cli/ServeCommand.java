package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.PaperwireApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code paperwire serve}: the long-running process (schedule, web) until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run as a service: the weekly schedule and the web endpoints, until stopped.")
public final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Override
    public Integer call() throws Exception {
        try (PaperwireApplication app = new PaperwireApplication(parent.configuration(), PaperwireApplication.Mode.SERVE)) {
            app.serve();
        }
        return 0;
    }
}
