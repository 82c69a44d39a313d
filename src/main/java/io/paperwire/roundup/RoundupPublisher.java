package io.paperwire.roundup;

import io.paperwire.archive.IssueStore;
import io.paperwire.archive.RoundupStore;
import io.paperwire.archive.SiteBuilder;
import io.paperwire.paper.Roundup;
import io.paperwire.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.paperwire.paper.RenderedIssue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a roundup as {@link io.paperwire.archive.PublishStage} publishes an issue: the whole new site (issues and
 * roundups, this one included) is built beside the published one, the roundup is stored, then the new site is swapped
 * in with one rename. A failure before the swap leaves the published site and the database as they were.
 */
public final class RoundupPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(RoundupPublisher.class);

    private final Database database;
    private final IssueStore issues;
    private final RoundupStore roundups;
    private final SiteBuilder site;
    private final SiteBuilder previewSite;
    private final Path previewFolder;

    /**
     * @param previewSite builds the archive as it would be with a roundup, for a dry run, under {@code previewFolder}
     */
    public RoundupPublisher(Database database, IssueStore issues, RoundupStore roundups, SiteBuilder site,
                            SiteBuilder previewSite, Path previewFolder) {
        this.database = database;
        this.issues = issues;
        this.roundups = roundups;
        this.site = site;
        this.previewSite = previewSite;
        this.previewFolder = previewFolder;
    }

    /**
     * A dry run's preview in {@code <out-dir>/preview/}: the email ({@code roundup-2024-05.html}, {@code .txt}, with a
     * placeholder unsubscribe link) and the archive as it would be published with this roundup ({@code site/}).
     * Nothing is stored, published or sent.
     *
     * @return the preview of the roundup's archive page
     */
    public Path preview(RenderedRoundup rendered, String unsubscribePlaceholder) {
        List<Roundup> all = new ArrayList<>(roundups.all().stream()
                .filter(r -> !r.slug().equals(rendered.roundup().slug())).toList());
        all.add(rendered.roundup());
        all.sort(RoundupStore.NEWEST_FIRST);
        SiteBuilder.Build build = previewSite.build(issues.all(), all);
        String slug = rendered.roundup().slug();
        try {
            Files.createDirectories(previewFolder);
            Files.writeString(previewFolder.resolve(slug + ".html"),
                    RenderedIssue.forPreview(rendered.html(), unsubscribePlaceholder), StandardCharsets.UTF_8);
            Files.writeString(previewFolder.resolve(slug + ".txt"),
                    RenderedIssue.forPreview(rendered.text(), unsubscribePlaceholder), StandardCharsets.UTF_8);
        } catch (IOException e) {
            build.discard();
            throw new UncheckedIOException("cannot write the preview to " + previewFolder, e);
        }
        build.publish();
        return previewSite.siteDir().resolve("roundups/" + rendered.roundup().name() + ".html");
    }

    public RenderedRoundup publish(RenderedRoundup rendered) {
        List<Roundup> all = new ArrayList<>(roundups.all());
        all.add(rendered.roundup());
        all.sort(RoundupStore.NEWEST_FIRST);
        SiteBuilder.Build build = site.build(issues.all(), all);
        long id;
        try {
            id = database.inTransaction(c -> roundups.insert(c, rendered.roundup(), rendered.subject(), rendered.html(),
                    rendered.text()));
        } catch (RuntimeException e) {
            build.discard();
            throw e;
        }
        build.publish();
        LOG.info("Published {} to {}", rendered.roundup().slug(), page(rendered.roundup()));
        return rendered.withId(id);
    }

    /** Where a roundup's page is in the published site. */
    public Path page(Roundup roundup) {
        return site.siteDir().resolve("roundups/" + roundup.name() + ".html");
    }
}
