package io.paperwire.archive;

import io.paperwire.paper.Issue;

import java.util.List;

/**
 * {@code paperwire archive rebuild}: renders the whole static site again from the issues stored in the database,
 * with the current templates, every paper page included, and swaps it in atomically (a template error leaves the
 * published site as it was).
 */
public final class ArchiveRebuilder {

    private final IssueStore issues;
    private final SiteBuilder site;

    public ArchiveRebuilder(IssueStore issues, SiteBuilder site) {
        this.issues = issues;
        this.site = site;
    }

    /** @return how many issues the rebuilt site holds */
    public int rebuild() {
        List<Issue> all = issues.all();
        site.build(all, PaperPages.Reuse.NONE).publish();
        return all.size();
    }
}
