package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Components;
import io.paperwire.app.Configuration;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.archive.EditorPreview;
import io.paperwire.archive.IssueStore;
import io.paperwire.archive.StaticSiteServer;
import io.paperwire.paper.Issue;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Week;
import io.paperwire.render.Preview;
import io.paperwire.render.TemplateException;
import io.paperwire.roundup.RoundupStage;
import io.paperwire.settings.PaperwireSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code paperwire preview}: renders the email and the archive of one issue (or, with {@code --roundup}, of a
 * published roundup) from the current templates into
 * {@code <out-dir>/preview/}, with each paper's selection reasons; with {@code --serve}, serves them on localhost and
 * renders again (and reloads the browser) whenever a template changes.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Render the email and the archive from the current templates and stored data into "
                + "<out-dir>/preview/ (nothing is published or sent); --serve shows them on localhost, live.")
public final class PreviewCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--week", paramLabel = "YYYY-Www", description = "A stored issue (default: the newest one).")
        String week;

        @Option(names = "--sample", description = "The bundled sample week, selected and summarised now (offline).")
        boolean sample;

        @Option(names = "--roundup", paramLabel = "PERIOD",
                description = "A published roundup: 2024-05, 2024-Q2 or 2024 (its email and archive page).")
        String roundup;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    @Option(names = "--serve", description = "Serve the preview on 127.0.0.1 and re-render when a template changes.")
    boolean serve;

    @Option(names = "--port", defaultValue = "8081", description = "Port of --serve (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Configuration configuration = parent.configuration();
        PaperwireSettings settings = configuration.settings();
        if (source.roundup != null) {
            return previewRoundup(out, configuration, settings);
        }
        try (PaperwireApplication app = new PaperwireApplication(configuration, PaperwireApplication.Mode.RUN_ONCE)) {
            IssueStore issues = app.components().issueStore();
            Issue issue = chooseIssue(app, issues);
            EditorPreview preview = app.components().editorPreview();
            Path index = preview.render(issue);
            printReasons(out, issue);
            out.printf("%nPreview of %s (nothing published or sent): %s%n", issue.slug(), index);
            if (serve) {
                serveUntilStopped(out, settings.home().resolve("templates"), preview.folder(), "index.html",
                        () -> preview.render(issue));
            }
        }
        return 0;
    }

    /** The published roundup of a period, rendered again from the current templates. */
    private Integer previewRoundup(PrintWriter out, Configuration configuration, PaperwireSettings settings)
            throws InterruptedException {
        RoundupPeriod period;
        try {
            period = RoundupPeriod.parse(source.roundup);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--roundup: " + e.getMessage());
        }
        try (Components components = new Components(configuration)) {
            components.templates();
            RoundupStage roundups = components.roundups();
            Path page = roundups.previewPublished(period);
            Path folder = settings.outDir().resolve("preview");
            out.printf("Preview of the %s roundup (nothing published or sent): %s and %s%n", period.label(), page,
                    folder.resolve("roundup-" + period.id() + ".html"));
            if (serve) {
                serveUntilStopped(out, settings.home().resolve("templates"), folder,
                        folder.relativize(page).toString().replace('\\', '/'), () -> roundups.previewPublished(period));
            }
        }
        return 0;
    }

    private Issue chooseIssue(PaperwireApplication app, IssueStore issues) {
        if (source.sample) {
            app.start();
            Object result = app.run(new RunRequest(RunRequest.SAMPLE_WEEK, true, true, false, false));
            return ((Preview) result).rendered().issue();
        }
        if (source.week != null) {
            Week week;
            try {
                week = Week.parse(source.week);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--week: " + e.getMessage());
            }
            return issues.latest(RunRequest.of(week)).map(r -> r.issue()).orElseThrow(() -> new IllegalStateException(
                    "no issue of " + week + " is stored; run `paperwire run --week " + week + "` first, or preview --sample"));
        }
        return issues.all().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "no issue is stored yet; run `paperwire run` first, or use `paperwire preview --sample`"));
    }

    private static void printReasons(PrintWriter out, Issue issue) {
        issue.sections().forEach(section -> {
            out.printf("%n%s%n", section.title());
            int i = 1;
            for (SelectedPaper p : section.papers()) {
                out.printf("%3d. [score %.3f] %s  %s%n       why: %s%n", i++, p.score(), p.paper().id(),
                        p.paper().title(), String.join("; ", p.reasons()));
            }
        });
    }

    private void serveUntilStopped(PrintWriter out, Path templateFolder, Path folder, String page, Runnable render)
            throws InterruptedException {
        AtomicLong version = new AtomicLong(1);
        try (StaticSiteServer server = StaticSiteServer.start(folder, port, version::get)) {
            out.printf("Serving the preview on %s%s; edit templates/ and the page reloads. Ctrl-C stops.%n",
                    server.uri(), page);
            FileTime seen = lastChange(templateFolder);
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(500);
                FileTime now = lastChange(templateFolder);
                if (!now.equals(seen)) {
                    seen = now;
                    try {
                        render.run();
                        version.incrementAndGet();
                        out.printf("Templates changed: preview rendered again%n");
                    } catch (TemplateException e) {
                        spec.commandLine().getErr().println("paperwire: " + e.getMessage());
                    }
                }
            }
        }
    }

    /** The newest modification time in the templates folder (FileTime 0 when it does not exist). */
    static FileTime lastChange(Path folder) {
        if (!Files.isDirectory(folder)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder, e);
        }
    }
}
