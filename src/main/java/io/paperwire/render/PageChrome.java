package io.paperwire.render;

import io.paperwire.settings.PaperwireSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The frame of the pages {@code serve} draws on request (subscribe, unsubscribe, preferences, feedback, not found)
 * as {@code partials/page.ftlh} draws it around the static archive's pages: the site's title, its links and the same
 * navigation. The navigation shows "Roundups" once the published archive has a roundup, as the archive's own pages
 * do; the archive is rebuilt whole when one is published, so its folder says so.
 */
public final class PageChrome {

    private final PaperwireSettings settings;
    private final Path siteDir;

    /** For the archive {@code serve} serves, {@code <outDir>/site}. */
    public PageChrome(PaperwireSettings settings) {
        this(settings, settings.outDir().resolve("site"));
    }

    public PageChrome(PaperwireSettings settings, Path siteDir) {
        this.settings = settings;
        this.siteDir = siteDir;
    }

    /** The site's base URL without a trailing slash. */
    public String baseUrl() {
        return settings.site().baseUrl().toString().replaceAll("/+$", "");
    }

    /** A page's model: {@code extra}, the {@code site} the layout reads and the {@code root} its links start from. */
    public Map<String, Object> model(Map<String, ?> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("site", Map.of("title", settings.site().title(), "baseUrl", baseUrl(), "subscribeUrl", "",
                "roundups", Files.isDirectory(siteDir.resolve("roundups"))));
        model.put("root", baseUrl() + "/");
        return model;
    }
}
