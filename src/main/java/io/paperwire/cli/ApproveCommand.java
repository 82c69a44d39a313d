package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Configuration;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.ops.RunStateException;
import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code paperwire approve WEEK}: publishes and sends the week's draft (with {@code paperwire.approval=required}). */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Publish and send the draft of a week that awaits approval (paperwire.approval=required).")
public final class ApproveCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "YYYY-Www", description = "The week whose draft to publish, e.g. 2024-W21.")
    String week;

    @Override
    public Integer call() {
        Week chosen;
        try {
            chosen = Week.parse(week);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "WEEK: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Configuration configuration = parent.configuration();
        PaperwireSettings settings = configuration.settings();
        try (PaperwireApplication app = new PaperwireApplication(configuration, PaperwireApplication.Mode.RUN_ONCE)) {
            long runId = app.operations().approvals().latestDraft(chosen).orElseThrow(() -> new RunStateException(
                    "no draft of " + chosen + " awaits approval (paperwire run --week " + chosen + " makes one)"));
            app.start();
            Object result = app.operations().runService().approve(runId);
            if (!(result instanceof DeliveryReport report)) {
                String error = app.operations().runs().status(runId).map(s -> s.error()).orElse("unknown error");
                throw new IllegalStateException("run " + runId + " of " + chosen + " failed: " + error);
            }
            out.printf("Run %d approved: issue %s published to %s%n", runId, report.issueSlug(),
                    settings.outDir().resolve("site/issues/" + report.issueSlug() + ".html"));
            out.printf("Delivery via %s: %d sent, %d already had it, %d failed (%d recipients)%n", report.mailer(),
                    report.sent(), report.alreadySent(), report.failed(), report.subscribers());
            if (report.isPaused()) {
                out.printf("Send paused: %s.%n", report.paused());
            }
            RunCommand.printUnsent(out, report);
            return report.isPartial() ? Paperwire.EXIT_PARTIAL : 0;
        }
    }
}
