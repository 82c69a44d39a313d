package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.app.Components;
import io.paperwire.source.AnnouncementCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code paperwire collect}: stores today's arXiv announcements for RSS mode, for operators who schedule Paperwire
 * with cron instead of {@code serve} (whose daily schedule does the same).
 */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Store today's arXiv announcements (paperwire.arxiv.mode=rss: the feed only shows the current "
                + "day, so run this on every announcement day, e.g. from cron; serve does it on its own).")
public final class CollectCommand implements Callable<Integer> {

    @ParentCommand
    Paperwire parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Components components = new Components(parent.configuration())) {
            AnnouncementCapture.Result result = components.announcements().capture();
            (result.failed() ? spec.commandLine().getErr() : spec.commandLine().getOut()).println(result.summary());
            return result.failed() ? 1 : 0;
        }
    }
}
