package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Configuration;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.deliver.Edition;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.roundup.RoundupReport;
import io.paperwire.roundup.RoundupRequest;
import io.paperwire.roundup.WrittenRoundup;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code paperwire roundup}: the best papers of a month, quarter or year of weekly issues, ranked, written up,
 * published to the archive and, with {@code --send}, mailed; then exits: 0, or {@link Paperwire#EXIT_PARTIAL} when some
 * subscribers were left unsent (the same command again sends only them).
 */
@Command(name = "roundup", mixinStandardHelpOptions = true,
        description = "Make the roundup of a month, quarter or year: rank the papers of its weekly issues, write them "
                + "up, publish to the archive and, with --send, mail it.")
public final class RoundupCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    static final class Period {
        @Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "A month, e.g. 2024-05.")
        String month;

        @Option(names = "--quarter", paramLabel = "YYYY-Qn", required = true, description = "A quarter, e.g. 2024-Q2.")
        String quarter;

        @Option(names = "--year", paramLabel = "YYYY", required = true, description = "A year, e.g. 2024 (grouped by topic).")
        String year;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Period period;

    @Option(names = "--send", description = "Mail the roundup to the active subscribers who do not have it yet.")
    boolean send;

    @Option(names = "--dry-run", description = "Rank, write and render a preview into <out-dir>/preview/; publish and send nothing.")
    boolean dryRun;

    @Option(names = "--force", description = "Make a new edition of a period published before, or a roundup of a period not over yet.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RoundupPeriod chosen = chosenPeriod();
        Configuration configuration = parent.configuration();
        try (PaperwireApplication app = new PaperwireApplication(configuration, PaperwireApplication.Mode.RUN_ONCE)) {
            app.start();
            RoundupReport report = app.roundup(new RoundupRequest(chosen, dryRun, force, send && !dryRun));
            print(out, report, configuration.settings().outDir().resolve("preview"));
            return report.isPartial() ? Paperwire.EXIT_PARTIAL : 0;
        }
    }

    private RoundupPeriod chosenPeriod() {
        try {
            if (period.month != null) {
                return RoundupPeriod.parse(RoundupPeriod.Kind.MONTH, period.month);
            }
            if (period.quarter != null) {
                return RoundupPeriod.parse(RoundupPeriod.Kind.QUARTER, period.quarter);
            }
            return RoundupPeriod.parse(RoundupPeriod.Kind.YEAR, period.year);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void print(PrintWriter out, RoundupReport report, java.nio.file.Path previewFolder) {
        var roundup = report.roundup();
        String label = roundup.period().label();
        if (report.request().dryRun()) {
            out.printf("Dry run of the %s roundup: nothing was published or sent.%n", label);
        } else if (report.publishedBefore()) {
            out.printf("The roundup of %s was published before: %s (--force makes a new edition)%n", label, report.page());
        } else {
            out.printf("Roundup %s published: %s%n", roundup.slug(), report.page());
        }
        if (!report.publishedBefore()) {
            out.printf("%d papers from %d weekly %s; text by %s%s%n", roundup.entries().size(), roundup.issueCount(),
                    roundup.issueCount() == 1 ? "issue" : "issues", roundup.writtenBy(), writing(report.written()));
            printRanking(out, roundup.entries(), roundup.byTopic());
            report.written().notes().forEach(note -> out.printf("Note: %s%n", note));
        }
        if (report.request().dryRun()) {
            out.printf("%nPreview written to %s (the archive page) and %s (the email)%n", report.page(),
                    previewFolder.resolve(roundup.slug() + ".html"));
        }
        report.delivery().ifPresent(d -> printDelivery(out, d));
    }

    private static String writing(WrittenRoundup written) {
        if (written.fromCache()) {
            return " (from the cache, 0 LLM calls)";
        }
        return written.calls() > 0 ? " (" + written.calls() + " LLM call" + (written.calls() == 1 ? ")" : "s)") : "";
    }

    private static void printRanking(PrintWriter out, java.util.List<RoundupEntry> entries, boolean byTopic) {
        for (RoundupEntry e : entries) {
            out.printf("%3d. [score %.3f] %s  %s%s%n       why: %s%n", e.rank(), e.score(), e.paper().id(),
                    e.paper().title(), byTopic ? "  [" + e.topic() + "]" : "",
                    String.join("; ", e.reasons().subList(1, e.reasons().size())));
        }
    }

    private static void printDelivery(PrintWriter out, Edition.Report d) {
        out.printf("Delivery via %s: %d sent, %d already had it, %d failed, %d bounced (%d recipients)%n", d.mailer(),
                d.sent(), d.alreadySent(), d.failed(), d.bounced(), d.subscribers());
        if (!d.paused().isEmpty()) {
            out.printf("Send paused: %s.%n", d.paused());
        }
        if (d.isPartial()) {
            out.printf("Partial: %d subscriber(s) not mailed yet; the same command sends only them.%n", d.unsent());
        }
    }
}
