package io.paperwire.roundup;

import io.paperwire.archive.IssueStore;
import io.paperwire.archive.RoundupStore;
import io.paperwire.deliver.DeliverStage;
import io.paperwire.deliver.Edition;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.paper.Week;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The steps of {@code routes/roundup.camel.yaml}, in its order: check the period, collect its weekly issues, rank
 * their papers, write the text, render the email, publish (or preview) and deliver. A period published before is
 * loaded and goes straight to delivery, which sends only what is missing; {@code --force} makes a new edition.
 */
public final class RoundupStage {

    private static final Logger LOG = LoggerFactory.getLogger(RoundupStage.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Where a stage finds what it needs, built by the composition root. */
    public record Parts(IssueStore issues, RoundupStore roundups, Function<Collection<ArxivId>, Map<ArxivId, Paper>> lastSeen,
                        Path overrides, RoundupSettings settings, RoundupWriter writer, RoundupRenderer renderer,
                        RoundupPublisher publisher, DeliverStage deliverer, String siteTitle, String previewUnsubscribeUrl) {}

    private final Parts parts;
    private final RoundupRanking ranking = new RoundupRanking();
    private final ReentrantLock mailing = new ReentrantLock();
    private final Clock clock;

    public RoundupStage(Parts parts, Clock clock) {
        this.parts = parts;
        this.clock = clock;
    }

    /**
     * The first step: a period not over yet is refused unless forced.
     *
     * @throws RoundupException saying when the period is over and how to make it anyway
     */
    public RoundupRequest check(RoundupRequest request) {
        RoundupPeriod period = request.period();
        if (!request.force() && clock.instant().isBefore(period.completeAt())) {
            List<Week> weeks = period.weeks();
            throw new RoundupException(period.label() + " is not over yet: its last week, " + weeks.get(weeks.size() - 1)
                    + ", is complete at " + MINUTE.format(period.completeAt()) + "; make the roundup then, or now with --force");
        }
        return request;
    }

    /** True when this period has a roundup and the request asks for neither a new edition nor a preview. */
    public boolean isPublished(RoundupRequest request) {
        return !request.force() && !request.dryRun() && parts.roundups().latest(request.period()).isPresent();
    }

    public RenderedRoundup loadPublished(RoundupRequest request) {
        RoundupStore.Stored stored = parts.roundups().latest(request.period()).orElseThrow(
                () -> new IllegalStateException("no published roundup of " + request.period()));
        LOG.info("The roundup of {} was published before as {}; nothing is ranked or written again", request.period(),
                stored.roundup().slug());
        return new RenderedRoundup(request, stored.id(), stored.roundup(), stored.subject(), stored.html(), stored.text(),
                null);
    }

    /**
     * The period's weekly issues, the latest edition of each week, oldest first.
     *
     * @throws RoundupException when none is stored: one line naming the period's weeks
     */
    public RoundupIssues collect(RoundupRequest request) {
        RoundupPeriod period = request.period();
        Set<Week> seen = new HashSet<>();
        List<Issue> issues = new ArrayList<>();
        for (Issue issue : parts.issues().all()) {
            if (period.includes(issue.week()) && seen.add(issue.week())) {
                issues.add(0, issue);
            }
        }
        if (issues.isEmpty()) {
            List<Week> weeks = period.weeks();
            throw new RoundupException("No weekly issue of " + period.label() + " is stored (its weeks are "
                    + weeks.get(0) + " to " + weeks.get(weeks.size() - 1) + "); publish some with paperwire run --week "
                    + weeks.get(0) + " first");
        }
        LOG.info("Roundup of {}: {} weekly issues ({} to {})", period, issues.size(), issues.get(0).week(),
                issues.get(issues.size() - 1).week());
        return new RoundupIssues(request, issues);
    }

    public RankedRoundup rank(RoundupIssues collected) {
        RoundupRequest request = collected.request();
        Set<ArxivId> ids = new HashSet<>();
        collected.issues().forEach(i -> i.papers().forEach(p -> ids.add(p.paper().id())));
        RoundupOverrides overrides = RoundupOverrides.read(parts.overrides(), request.period());
        RankedRoundup ranked = ranking.rank(request, collected.issues(), parts.lastSeen().apply(ids), overrides,
                parts.settings().papers(request.period()));
        ranked.notes().forEach(note -> LOG.warn("Roundup of {}: {}", request.period(), note));
        return ranked;
    }

    public WrittenRoundup write(RankedRoundup ranked) {
        RoundupRequest request = ranked.request();
        RoundupPeriod period = request.period();
        RoundupWriter.Result result = parts.writer().write(ranked);
        RoundupText text = result.text();
        List<RoundupEntry> entries = ranked.entries().stream().map(e -> e.withParagraph(
                text.paragraphs().getOrDefault(e.paper().id().value(), ""),
                text.fallbacks().contains(e.paper().id().value()))).toList();
        int edition = parts.roundups().nextEdition(period, request.force());
        String title = parts.siteTitle() + " roundup: the best papers of " + period.label()
                + (edition > 1 ? " (edition " + edition + ")" : "");
        Roundup roundup = new Roundup(period, edition, title, clock.instant(), text.intro(), text.writtenBy(),
                text.introFallback(), ranked.issueCount(), entries);
        List<String> notes = new ArrayList<>(ranked.notes());
        notes.addAll(text.notes());
        text.notes().forEach(note -> LOG.info("Roundup of {}: {}", period, note));
        return new WrittenRoundup(request, roundup, result.calls(), result.fromCache(), notes);
    }

    public RenderedRoundup render(WrittenRoundup written) {
        return parts.renderer().render(written);
    }

    /** True for a dry run: the route previews instead of publishing and sending. */
    public boolean isDryRun(RenderedRoundup rendered) {
        return rendered.request().dryRun();
    }

    /** A dry run's end: the email and the archive with this roundup, under {@code <out-dir>/preview/}. */
    public RoundupReport preview(RenderedRoundup rendered) {
        Path page = parts.publisher().preview(rendered, parts.previewUnsubscribeUrl());
        return new RoundupReport(rendered.request(), rendered.roundup(), page, false, rendered.written(),
                Optional.empty());
    }

    /**
     * {@code paperwire preview --roundup}: the stored roundup of this period rendered again with the current templates,
     * its email and the archive with it written under {@code <out-dir>/preview/}; nothing is stored, published or sent.
     *
     * @return the preview of the roundup's archive page
     * @throws RoundupException when the period has no published roundup
     */
    public Path previewPublished(RoundupPeriod period) {
        RoundupStore.Stored stored = parts.roundups().latest(period).orElseThrow(() -> new RoundupException(
                "No roundup of " + period.label() + " is published; make one with paperwire roundup"
                        + " (or preview a new one with --dry-run)"));
        RoundupRequest request = new RoundupRequest(period, true, false, false);
        RenderedRoundup rendered = parts.renderer().render(new WrittenRoundup(request, stored.roundup(), 0, false, List.of()));
        return parts.publisher().preview(rendered, parts.previewUnsubscribeUrl());
    }

    public RenderedRoundup publish(RenderedRoundup rendered) {
        return parts.publisher().publish(rendered);
    }

    /** Mails the published roundup with {@code --send}, to the active subscribers who do not have it yet. */
    public RoundupReport deliver(RenderedRoundup rendered) {
        Path page = parts.publisher().page(rendered.roundup());
        boolean before = rendered.written() == null;
        if (!rendered.request().send()) {
            LOG.info("Roundup {} published without mailing (no --send)", rendered.roundup().slug());
            return new RoundupReport(rendered.request(), rendered.roundup(), page, before, rendered.written(),
                    Optional.empty());
        }
        Edition.Report report;
        mailing.lock();
        try {
            report = parts.deliverer().deliver(rendered.edition());
        } finally {
            mailing.unlock();
        }
        return new RoundupReport(rendered.request(), rendered.roundup(), page, before, rendered.written(),
                Optional.of(report));
    }

    /**
     * Mails a published roundup again, to the active subscribers who do not have it yet ({@link RoundupRetry});
     * nothing when this process is mailing a roundup right now.
     */
    Optional<Edition.Report> mailAgain(Edition edition) {
        if (!mailing.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parts.deliverer().deliver(edition));
        } finally {
            mailing.unlock();
        }
    }
}
