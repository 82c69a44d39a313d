package io.paperwire;

import io.paperwire.app.Configuration;
import io.paperwire.cli.ApproveCommand;
import io.paperwire.cli.ArchiveCommand;
import io.paperwire.cli.CollectCommand;
import io.paperwire.cli.PreviewCommand;
import io.paperwire.cli.RoundupCommand;
import io.paperwire.cli.RunCommand;
import io.paperwire.cli.ServeCommand;
import io.paperwire.cli.SubscribersCommand;
import io.paperwire.settings.PaperwireSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The command line: {@code paperwire run|serve|roundup|subscribers …}. */
@Command(name = "paperwire", mixinStandardHelpOptions = true, version = "Paperwire 0.1.0",
        description = "A weekly AI-paper newsletter: arXiv and Hugging Face → selection → summaries → email and web archive.",
        subcommands = {RunCommand.class, ServeCommand.class, SubscribersCommand.class, ApproveCommand.class,
                PreviewCommand.class, ArchiveCommand.class, CollectCommand.class, RoundupCommand.class,
                CommandLine.HelpCommand.class})
public final class Paperwire {

    /** Exit code of a run that failed (bad source, template, database …). */
    public static final int EXIT_FAILED = 1;
    /** Exit code of bad settings or arguments. */
    public static final int EXIT_USAGE = 2;
    /** Exit code of a run that published its issue but did not mail every subscriber yet (state partial). */
    public static final int EXIT_PARTIAL = 3;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "Folder with paperwire.properties, routes/ and templates/ (default: the working directory).")
    Path home;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. --set paperwire.out-dir=/srv/paperwire. Repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** Settings from the home folder, the environment and {@code --set}, every group validated in one pass. */
    public Configuration configuration() {
        return Configuration.load(home.toAbsolutePath().normalize(), System.getenv(), overrides);
    }

    /** The shared settings of {@link #configuration()}. */
    public PaperwireSettings settings() {
        return configuration().settings();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its report going to {@code out} and its one-line errors to {@code err}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Paperwire()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof PaperwireSettings.InvalidSettingsException) {
                cmd.getErr().println("paperwire: " + e.getMessage());
                return EXIT_USAGE;
            }
            cmd.getErr().println("paperwire: " + e.getMessage());
            return EXIT_FAILED;
        });
        return commandLine.execute(args);
    }
}
