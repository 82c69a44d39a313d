package io.paperwire.render;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Selection;
import io.paperwire.paper.SummarizedIssue;
import io.paperwire.settings.PaperwireSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Turns the summarised selection into an {@link Issue} and renders its email. Per-subscriber parts are left as
 * {@link #UNSUBSCRIBE_URL} for the delivery stage to fill in. The HTML part's {@code <style data-inline>} rules are
 * moved into {@code style} attributes ({@link CssInliner}), since email clients ignore or strip head styles.
 */
public final class RenderStage {

    /** Stands for the subscriber's own unsubscribe link until delivery; survives HTML escaping unchanged. */

    public static final String EMAIL_HTML = "email/issue.html.ftlh";
    public static final String EMAIL_TEXT = "email/issue.txt.ftl";
    /** Every template the email uses, checked when the process starts. */
    public static final java.util.List<String> TEMPLATES = java.util.List.of(EMAIL_HTML, EMAIL_TEXT);
    /** Gmail clips a message whose HTML is larger than this and hides the rest (and the footer) behind a link. */
    public static final int GMAIL_CLIP_BYTES = 102 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RenderStage.class);

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final ToIntFunction<Selection> nextEdition;
    private final Clock clock;
    private final NewsletterLayout layout;
    private final CssInliner inliner = new CssInliner();

    /** @param nextEdition which edition of its week this selection becomes (1, or the next after {@code --force}) */
    public RenderStage(TemplateEngine templates, PaperwireSettings settings, ToIntFunction<Selection> nextEdition,
                       Clock clock) {
        this.templates = templates;
        this.settings = settings;
        this.nextEdition = nextEdition;
        this.clock = clock;
        this.layout = NewsletterLayout.from(settings);
    }

    /** Renders the email of a newly summarised issue, with the next edition number of its week. */
    public RenderedIssue render(SummarizedIssue summarized) {
        return render(summarized.selection());
    }

    RenderedIssue render(Selection selection) {
        int edition = nextEdition.applyAsInt(selection);
        String title = settings.site().title() + " " + selection.request().week()
                + (edition > 1 ? " (edition " + edition + ")" : "");
        Issue issue = new Issue(selection.request().week(), edition, title, clock.instant(), selection.sections());
        return renderEmail(selection.request(), 0, issue);
    }

    /** Renders the email of an issue; used for new issues and for rebuilding stored ones. */
    public RenderedIssue renderEmail(io.paperwire.paper.RunRequest request, long issueId, Issue issue) {
        return renderEmail(request, issueId, issue, false);
    }

    /**
     * The issue's short form, for readers who asked for TL;DRs only: every section one line a paper. Rendered at
     * delivery from the stored issue, once per send.
     */
    public RenderedIssue renderShortEmail(RenderedIssue full) {
        return renderEmail(full.request(), full.issueId(), full.issue(), true);
    }

    private RenderedIssue renderEmail(RunRequest request, long issueId, Issue issue, boolean tldrOnly) {
        Map<String, Object> model = model(SafeLinks.of(issue), tldrOnly);
        String html = inliner.inline(templates.render(EMAIL_HTML, model));
        String text = templates.render(EMAIL_TEXT, model);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > GMAIL_CLIP_BYTES) {
            LOG.warn("The email of {} is {} KB of HTML; Gmail clips messages over 102 KB (fewer papers per section, "
                    + "or a shorter template, keeps the footer visible)", issue.slug(), bytes / 1024);
        }
        String subject = issue.title() + ": " + issue.papers().findFirst().map(p -> MathText.of(p.paper().title()))
                .orElse("this week's papers");
        return new RenderedIssue(request, issueId, issue, oneLine(subject), html, text);
    }

    private Map<String, Object> model(Issue issue, boolean tldrOnly) {
        String base = settings.site().baseUrl().toString().replaceAll("/+$", "");
        Map<String, Object> model = new HashMap<>();
        model.put("issue", issue);
        model.put("site", Map.of("title", settings.site().title(), "baseUrl", base));
        model.put("issueUrl", base + "/issues/" + issue.slug() + ".html");
        List<IssueView> sections = IssueView.sections(issue, layout.emailSections(), layout.trending());
        if (tldrOnly) {
            sections = sections.stream().map(v -> v.style().equals("full")
                    ? new IssueView(v.key(), v.title(), "brief", v.papers()) : v).toList();
        }
        model.put("sections", sections);
        model.put("format", tldrOnly ? "short" : "full");
        model.put("feedbackUrl", base + "/feedback?token=");
        model.put("preferencesUrl", base + "/preferences?token=" + RenderedIssue.PREFERENCES_TOKEN_SLOT);
        model.put("preheader", preheader(issue));
        model.put("unsubscribeUrl", RenderedIssue.UNSUBSCRIBE_URL_SLOT);
        model.put("postalAddress", settings.mail().postalAddress());
        return model;
    }

    /** The line inboxes show after the subject: how many papers, and the first highlight's title. */
    static String preheader(Issue issue) {
        long count = issue.papers().count();
        String first = issue.papers().findFirst().map(p -> MathText.of(p.paper().title())).orElse("");
        return oneLine(count + " papers this week" + (first.isEmpty() ? "" : ", led by " + first));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 150 ? line.substring(0, 149) + "…" : line;
    }
}
