package io.paperwire.render;

import io.paperwire.paper.RenderedIssue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a dry run's email to {@code <out-dir>/preview/} so an editor can open it; nothing is published or sent. */
public final class PreviewWriter {

    private final Path folder;
    private final String unsubscribeUrl;

    /** @param unsubscribeUrl what the preview shows for each subscriber's unsubscribe link */
    public PreviewWriter(Path folder, String unsubscribeUrl) {
        this.folder = folder;
        this.unsubscribeUrl = unsubscribeUrl;
    }

    public Preview write(RenderedIssue rendered) {
        String slug = rendered.issue().slug();
        Path html = folder.resolve(slug + ".html");
        Path text = folder.resolve(slug + ".txt");
        try {
            Files.createDirectories(folder);
            Files.writeString(html, RenderedIssue.forPreview(rendered.html(), unsubscribeUrl), StandardCharsets.UTF_8);
            Files.writeString(text, RenderedIssue.forPreview(rendered.text(), unsubscribeUrl), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preview to " + folder, e);
        }
        return new Preview(rendered, html, text);
    }
}
