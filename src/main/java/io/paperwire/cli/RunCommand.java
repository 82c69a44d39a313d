package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Configuration;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Section;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Week;
import io.paperwire.render.Preview;
import io.paperwire.settings.PaperwireSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code paperwire run}: builds one weekly issue, publishes it and mails it, then exits: 0 when every subscriber has
 * it, {@link Paperwire#EXIT_PARTIAL} when some were left unsent (a rerun of the week sends only them).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Build one weekly issue: fetch, select, summarise, render, publish to the archive and mail it.")
public final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Option(names = "--sample", description = "Use the bundled sample week (offline) instead of arXiv and Hugging Face.")
    boolean sample;

    @Option(names = "--week", paramLabel = "YYYY-Www",
            description = "The ISO week to cover, e.g. 2024-W21 (default: last week; with --sample: "
                    + RunRequest.SAMPLE_WEEK_ID + ").")
    String week;

    @Option(names = "--dry-run", description = "Fetch, select, summarise and render a preview; publish and send nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Make a new edition of a week that was already published.")
    boolean force;

    @Option(names = "--no-send", description = "Publish to the archive without mailing subscribers.")
    boolean noSend;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Configuration configuration = parent.configuration();
        PaperwireSettings settings = configuration.settings();
        Week chosen = week != null ? parseWeek(week)
                : sample ? RunRequest.SAMPLE_WEEK : Week.latestAnnounced(Clock.systemUTC().instant());
        RunRequest request = new RunRequest(chosen, sample, dryRun, force, !noSend);
        try (PaperwireApplication app = new PaperwireApplication(configuration, PaperwireApplication.Mode.RUN_ONCE)) {
            app.start();
            Object result = app.run(request);
            if (result instanceof Preview preview && settings.ops().approval() && !dryRun) {
                out.printf("Draft of %s awaits approval; nothing was published or sent. Preview: %s%n"
                        + "Publish and send it with: paperwire approve %s%n", chosen, preview.html(), chosen);
            } else if (result instanceof Preview preview) {
                printPreview(out, preview);
            } else if (result instanceof DeliveryReport report) {
                printReport(out, settings, report);
                return report.isPartial() ? Paperwire.EXIT_PARTIAL : 0;
            }
        }
        return 0;
    }

    private Week parseWeek(String text) {
        try {
            return Week.parse(text);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--week: " + e.getMessage());
        }
    }

    private static void printReport(PrintWriter out, PaperwireSettings settings, DeliveryReport report) {
        out.printf("Issue %s published: %s%n", report.issueSlug(),
                settings.outDir().resolve("site/issues/" + report.issueSlug() + ".html"));
        out.printf("Delivery via %s: %d sent, %d already had it, %d failed, %d bounced (%d recipients)%n",
                report.mailer(), report.sent(), report.alreadySent(), report.failed(), report.bounced(),
                report.subscribers());
        if (report.isPaused()) {
            out.printf("Send paused: %s.%n", report.paused());
        }
        printUnsent(out, report);
    }

    /** For a partial send: how many are left and how to finish (used by {@code approve} too). */
    static void printUnsent(PrintWriter out, DeliveryReport report) {
        if (report.isPartial()) {
            out.printf("Partial: %d subscriber(s) not mailed yet. paperwire run --week %s sends only them"
                    + " (serve retries on its own).%n", report.unsent(), report.request().week());
        }
    }

    private static void printPreview(PrintWriter out, Preview preview) {
        out.printf("Dry run of %s: nothing was published or sent.%n", preview.rendered().issue().week());
        for (Section section : preview.rendered().issue().sections()) {
            out.printf("%n%s%n", section.title());
            int i = 1;
            for (SelectedPaper p : section.papers()) {
                out.printf("%3d. [score %.3f] %s  %s%n       why: %s%n", i++, p.score(), p.paper().id(),
                        p.paper().title(), String.join("; ", p.reasons()));
            }
        }
        out.printf("%nPreview written to %s and %s%n", preview.html(), preview.text());
    }
}
