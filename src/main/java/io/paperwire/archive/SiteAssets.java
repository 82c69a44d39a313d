package io.paperwire.archive;

import io.paperwire.render.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's {@code assets/}: the editor's files ({@code templates/site/assets/}, bundled defaults in the jar) and
 * KaTeX, the math typesetter, bundled in the jar under {@code site-assets/katex/} by the build (from the npm
 * registry, see the pom) and copied to {@code assets/katex/}: the script, its auto-render extension, the style sheet,
 * the woff2 fonts the style sheet names, and the licence. A jar built without KaTeX (the fetch failed) publishes
 * none, and the pages then keep their math as TeX source ({@link #typesetsMath()} is false).
 */
final class SiteAssets {

    private static final Logger LOG = LoggerFactory.getLogger(SiteAssets.class);
    static final String KATEX = "site-assets/katex/";
    /** KaTeX's files besides its fonts, as the build unpacks them. */
    static final List<String> KATEX_FILES = List.of("katex.min.js", "katex.min.css", "contrib/auto-render.min.js",
            "LICENSE");
    private static final Pattern WOFF2 = Pattern.compile("url\\((fonts/[A-Za-z0-9_-]+\\.woff2)\\)");
    private static final boolean KATEX_BUNDLED = SiteAssets.class.getClassLoader().getResource(KATEX + "katex.min.js") != null;
    private static volatile boolean warned;

    private SiteAssets() {
    }

    /** Whether this build carries KaTeX, so that pages load {@code assets/math.js}. */
    static boolean typesetsMath() {
        return KATEX_BUNDLED;
    }

    /**
     * Writes the editor's assets and, when bundled, KaTeX into {@code assetsDir}.
     *
     * @param editable the site-relative names of the editor's assets ({@code site/assets/style.css} …)
     */
    static void copy(TemplateEngine templates, List<String> editable, Path assetsDir) throws IOException {
        for (String asset : editable) {
            Files.writeString(assetsDir.resolve(asset.substring("site/assets/".length())), templates.raw(asset),
                    StandardCharsets.UTF_8);
        }
        if (!KATEX_BUNDLED) {
            if (!warned) {
                warned = true;
                LOG.warn("this build carries no KaTeX (site-assets/katex/ is not in the jar): the archive shows math "
                        + "as TeX source; rebuild the jar with network access to fetch it");
            }
            return;
        }
        for (String file : katexFiles()) {
            Path target = assetsDir.resolve("katex").resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(file)) {
                Files.copy(in, target);
            }
        }
    }

    /** KaTeX's files to publish: the fixed ones and each woff2 font its style sheet names. */
    static Set<String> katexFiles() {
        Set<String> files = new LinkedHashSet<>(KATEX_FILES);
        String css;
        try (InputStream in = resource("katex.min.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KaTeX's style sheet from the jar", e);
        }
        Matcher font = WOFF2.matcher(css);
        while (font.find()) {
            files.add(font.group(1));
        }
        return files;
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = SiteAssets.class.getClassLoader().getResourceAsStream(KATEX + file);
        if (in == null) {
            throw new IOException("KaTeX's " + file + " is missing from the jar (" + KATEX + file + ")");
        }
        return in;
    }
}
