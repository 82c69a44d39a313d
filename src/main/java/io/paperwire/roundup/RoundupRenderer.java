package io.paperwire.roundup;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.Roundup;
import io.paperwire.render.CssInliner;
import io.paperwire.render.MathText;
import io.paperwire.render.RenderStage;
import io.paperwire.render.SafeLinks;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a roundup's email from the editor's templates ({@code templates/email/roundup.*}) through the render stage's
 * engine, with the head styles inlined as for a weekly issue. The subscriber's unsubscribe link stays a slot until
 * delivery.
 */
public final class RoundupRenderer {

    public static final String EMAIL_HTML = "email/roundup.html.ftlh";
    public static final String EMAIL_TEXT = "email/roundup.txt.ftl";
    /** Every template the roundup's email uses, checked when the process starts. */
    public static final List<String> TEMPLATES = List.of(EMAIL_HTML, EMAIL_TEXT);

    private static final Logger LOG = LoggerFactory.getLogger(RoundupRenderer.class);

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final CssInliner inliner = new CssInliner();

    public RoundupRenderer(TemplateEngine templates, PaperwireSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    public RenderedRoundup render(WrittenRoundup written) {
        Roundup roundup = SafeLinks.of(written.roundup());
        Map<String, Object> model = model(roundup);
        String html = inliner.inline(templates.render(EMAIL_HTML, model));
        String text = templates.render(EMAIL_TEXT, model);
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > RenderStage.GMAIL_CLIP_BYTES) {
            LOG.warn("The email of {} is {} KB of HTML; Gmail clips messages over 102 KB (fewer papers, "
                    + "paperwire.roundup.papers*, or a shorter template keeps the footer visible)", roundup.slug(), bytes / 1024);
        }
        return new RenderedRoundup(written.request(), 0, written.roundup(), oneLine(roundup.title()), html, text, written);
    }

    private Map<String, Object> model(Roundup roundup) {
        String base = settings.site().baseUrl().toString().replaceAll("/+$", "");
        Map<String, Object> model = new HashMap<>();
        model.put("roundup", roundup);
        model.put("topics", roundup.topics());
        model.put("site", Map.of("title", settings.site().title(), "baseUrl", base));
        model.put("roundupUrl", base + "/roundups/" + roundup.name() + ".html");
        model.put("issueBase", base + "/issues/");
        model.put("preheader", preheader(roundup));
        model.put("unsubscribeUrl", RenderedIssue.UNSUBSCRIBE_URL_SLOT);
        model.put("preferencesUrl", base + "/preferences?token=" + RenderedIssue.PREFERENCES_TOKEN_SLOT);
        model.put("postalAddress", settings.mail().postalAddress());
        return model;
    }

    static String preheader(Roundup roundup) {
        String first = roundup.entries().stream().findFirst().map(e -> MathText.of(e.paper().title())).orElse("");
        return oneLine("The " + roundup.entries().size() + " papers of " + roundup.period().label()
                + " worth revisiting" + (first.isEmpty() ? "" : ", led by " + first));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 150 ? line.substring(0, 149) + "…" : line;
    }
}
