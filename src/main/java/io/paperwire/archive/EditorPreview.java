package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.Roundup;
import io.paperwire.paper.RunRequest;
import io.paperwire.render.IssueView;
import io.paperwire.render.Preview;
import io.paperwire.render.PreviewWriter;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code paperwire preview} shows an editor, rendered from the current templates into {@code <out-dir>/preview/}:
 * the email ({@code <slug>.html}, {@code <slug>.txt}), the archive as it would be published with this issue
 * ({@code site/}), and {@code index.html} tying them together with each paper's selection reasons. Nothing is
 * published or sent, and nothing stored but the vectors of the previewed papers (kept like every paper's, once).
 */
public final class EditorPreview {

    public static final String INDEX = "preview/index.ftlh";

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final IssueStore issues;
    private final RenderStage renderer;
    private final PaperVectors vectors;
    private final Supplier<List<Roundup>> roundups;
    private final Path folder;

    /**
     * @param vectors  the papers' embeddings (the stored ones, so a preview embeds only the previewed papers)
     * @param roundups the published roundups, listed on the previewed front page as on the real one
     */
    public EditorPreview(TemplateEngine templates, PaperwireSettings settings, IssueStore issues, RenderStage renderer,
                         PaperVectors vectors, Supplier<List<Roundup>> roundups) {
        this.templates = templates;
        this.roundups = roundups;
        this.vectors = vectors;
        this.settings = settings;
        this.issues = issues;
        this.renderer = renderer;
        this.folder = settings.outDir().resolve("preview");
    }

    /** The preview folder ({@code <out-dir>/preview}). */
    public Path folder() {
        return folder;
    }

    /** Renders the email, the site and the overview page of this issue; a template error throws before anything is replaced. */
    public Path render(Issue issue) {
        RenderedIssue rendered = renderer.renderEmail(RunRequest.of(issue.week()), 0, issue);
        String unsubscribe = settings.site().baseUrl().toString().replaceAll("/+$", "") + "/unsubscribe?token=preview";
        RenderedIssue email = new RenderedIssue(rendered.request(), 0, issue, rendered.subject(),
                RenderedIssue.forPreview(rendered.html(), unsubscribe), RenderedIssue.forPreview(rendered.text(), unsubscribe));
        List<Issue> site = new ArrayList<>(issues.all().stream().filter(i -> !i.slug().equals(issue.slug())).toList());
        site.add(issue);
        SiteBuilder.Build build = new SiteBuilder(templates, settings, folder.resolve("site"), vectors, roundups).build(site);
        Map<String, Object> model = new HashMap<>();
        model.put("issue", issue);
        model.put("sections", IssueView.archiveSections(issue));
        model.put("emailHtml", issue.slug() + ".html");
        model.put("emailText", issue.slug() + ".txt");
        model.put("sitePage", "site/issues/" + issue.slug() + ".html");
        model.put("emailBytes", email.html().getBytes(StandardCharsets.UTF_8).length);
        model.put("clipBytes", RenderStage.GMAIL_CLIP_BYTES);
        String overview;
        try {
            overview = templates.render(INDEX, model);
        } catch (RuntimeException e) {
            build.discard();
            throw e;
        }
        Preview written = new PreviewWriter(folder, unsubscribe).write(email);
        build.publish();
        Path index = folder.resolve("index.html");
        try {
            Files.writeString(index, overview, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + index, e);
        }
        return index;
    }
}
