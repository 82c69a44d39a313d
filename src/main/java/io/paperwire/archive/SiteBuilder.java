package io.paperwire.archive;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.Issue;
import io.paperwire.render.TemplateEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Renders the static archive from the site templates and publishes it atomically: everything is written to a
 * temporary folder beside the site, which then replaces the site in one rename.
 */
public final class SiteBuilder {

    public static final String INDEX = "site/index.ftlh";
    public static final String ISSUE = "site/issue.ftlh";
    public static final String FEED = "site/feed.xml.ftlx";

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final Path siteDir;

    public SiteBuilder(TemplateEngine templates, PaperwireSettings settings) {
        this.templates = templates;
        this.settings = settings;
        this.siteDir = settings.outDir().resolve("site");
    }

    public Path siteDir() {
        return siteDir;
    }

    /** A site built but not yet published; {@link #publish()} swaps it in, {@link #discard()} throws it away. */
    public final class Build {
        private final Path folder;

        private Build(Path folder) {
            this.folder = folder;
        }

        public void publish() {
            try {
                Path old = siteDir.resolveSibling(".site-old-" + UUID.randomUUID());
                if (Files.exists(siteDir)) {
                    Files.move(siteDir, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(folder, siteDir, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish the site to " + siteDir, e);
            }
        }

        public void discard() {
            deleteTree(folder);
        }
    }

    /** Renders every page of the archive for these issues (newest first) into a temporary folder. */
    public Build build(List<Issue> issues) {
        Path folder = siteDir.resolveSibling(".site-new-" + UUID.randomUUID());
        try {
            Files.createDirectories(folder.resolve("issues"));
            String base = settings.site().baseUrl().toString().replaceAll("/+$", "");
            Map<String, Object> site = Map.of("title", settings.site().title(), "baseUrl", base);
            write(folder.resolve("index.html"), templates.render(INDEX, Map.of("site", site, "issues", issues, "root", "")));
            for (Issue issue : issues) {
                write(folder.resolve("issues").resolve(issue.slug() + ".html"),
                        templates.render(ISSUE, Map.of("site", site, "issue", issue, "root", "../")));
            }
            write(folder.resolve("feed.xml"), templates.render(FEED, Map.of("site", site, "issues", issues)));
            return new Build(folder);
        } catch (IOException e) {
            deleteTree(folder);
            throw new UncheckedIOException("cannot write the site to " + folder, e);
        } catch (RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
