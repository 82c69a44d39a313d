package io.paperwire.render;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.Selection;

import java.time.Clock;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Turns the summarised selection into an {@link Issue} and renders its email. Per-subscriber parts are left as
 * {@link #UNSUBSCRIBE_URL} for the delivery stage to fill in.
 */
public final class RenderStage {

    /** Stands for the subscriber's own unsubscribe link until delivery; survives HTML escaping unchanged. */
    public static final String UNSUBSCRIBE_URL = "%%UNSUBSCRIBE_URL%%";

    public static final String EMAIL_HTML = "email/issue.html.ftlh";
    public static final String EMAIL_TEXT = "email/issue.txt.ftl";

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final ToIntFunction<Selection> nextEdition;
    private final Clock clock;

    /** @param nextEdition which edition of its week this selection becomes (1, or the next after {@code --force}) */
    public RenderStage(TemplateEngine templates, PaperwireSettings settings, ToIntFunction<Selection> nextEdition,
                       Clock clock) {
        this.templates = templates;
        this.settings = settings;
        this.nextEdition = nextEdition;
        this.clock = clock;
    }

    public RenderedIssue render(Selection selection) {
        int edition = nextEdition.applyAsInt(selection);
        String title = settings.site().title() + " " + selection.request().week()
                + (edition > 1 ? " (edition " + edition + ")" : "");
        Issue issue = new Issue(selection.request().week(), edition, title, clock.instant(), selection.sections());
        return renderEmail(selection.request(), 0, issue);
    }

    /** Renders the email of an issue; used for new issues and for rebuilding stored ones. */
    public RenderedIssue renderEmail(io.paperwire.paper.RunRequest request, long issueId, Issue issue) {
        Map<String, Object> model = model(issue);
        String html = templates.render(EMAIL_HTML, model);
        String text = templates.render(EMAIL_TEXT, model);
        String subject = issue.title() + ": " + issue.papers().findFirst().map(p -> p.paper().title()).orElse("this week's papers");
        return new RenderedIssue(request, issueId, issue, oneLine(subject), html, text);
    }

    private Map<String, Object> model(Issue issue) {
        String base = settings.site().baseUrl().toString().replaceAll("/+$", "");
        return Map.of(
                "issue", issue,
                "site", Map.of("title", settings.site().title(), "baseUrl", base),
                "issueUrl", base + "/issues/" + issue.slug() + ".html",
                "unsubscribeUrl", UNSUBSCRIBE_URL,
                "postalAddress", settings.mail().postalAddress());
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 150 ? line.substring(0, 149) + "…" : line;
    }
}
