package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code paperwire archive …}: maintenance of the static web archive. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Maintain the static web archive.",
        subcommands = ArchiveCommand.Rebuild.class)
public final class ArchiveCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to do: paperwire archive rebuild");
    }

    /** {@code paperwire archive rebuild}: the whole site again from the database and the current templates. */
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Render the whole archive again from the issues in the database with the current templates, "
                    + "and swap it in atomically (a template error leaves the published site untouched).")
    static final class Rebuild implements Callable<Integer> {

        @ParentCommand
        ArchiveCommand archive;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Components components = new Components(archive.parent.configuration())) {
                long started = System.nanoTime();
                int count = components.archiveRebuilder().rebuild();
                spec.commandLine().getOut().printf("Archive rebuilt: %d issues in %s (%.1f s)%n", count,
                        components.siteBuilder().siteDir(), (System.nanoTime() - started) / 1e9);
            }
            return 0;
        }
    }
}
