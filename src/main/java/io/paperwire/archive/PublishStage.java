package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a rendered issue: the new site is built first, the issue is stored, then the site is swapped in. A week
 * published before is not published again unless forced; its stored issue is what the delivery stage resends to.
 */
public final class PublishStage {

    private static final Logger LOG = LoggerFactory.getLogger(PublishStage.class);

    private final Database database;
    private final IssueStore issues;
    private final SiteBuilder site;

    public PublishStage(Database database, IssueStore issues, SiteBuilder site) {
        this.database = database;
        this.issues = issues;
        this.site = site;
    }

    /** True when this week already has an issue and the request does not ask for a new edition or a preview. */
    public boolean isPublished(RunRequest request) {
        return !request.force() && !request.dryRun() && issues.latest(request).isPresent();
    }

    public RenderedIssue loadPublished(RunRequest request) {
        RenderedIssue stored = issues.latest(request).orElseThrow(
                () -> new IllegalStateException("no published issue for " + request.week()));
        LOG.info("Week {} was published before as {}; nothing is fetched or rendered again", request.week(),
                stored.issue().slug());
        return stored;
    }

    public RenderedIssue publish(RenderedIssue rendered) {
        List<Issue> all = new ArrayList<>(issues.all());
        all.add(0, rendered.issue());
        all.sort((a, b) -> a.week().equals(b.week()) ? b.edition() - a.edition() : b.week().compareTo(a.week()));
        SiteBuilder.Build build = site.build(all);
        long id;
        try {
            id = database.inTransaction(c -> issues.insert(c, rendered));
        } catch (RuntimeException e) {
            build.discard();
            throw e;
        }
        build.publish();
        LOG.info("Published {} to {}", rendered.issue().slug(), site.siteDir().resolve("issues/" + rendered.issue().slug() + ".html"));
        return new RenderedIssue(rendered.request(), id, rendered.issue(), rendered.subject(), rendered.html(), rendered.text());
    }
}
