package io.paperwire.render;

import io.paperwire.settings.PaperwireSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PageChromeTest {

    @TempDir
    Path home;

    @Test
    void pagesDrawnOnRequestShowRoundupsInTheNavigationOnceTheArchiveHasOne() throws Exception {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of());
        Path site = home.resolve("site");
        Files.createDirectories(site);
        PageChrome chrome = new PageChrome(settings, site);
        TemplateEngine templates = new TemplateEngine(home.resolve("templates"));

        Document before = Jsoup.parse(templates.render("site/not-found.ftlh", chrome.model(Map.of())));
        assertThat(before.select("nav a").eachText()).contains("Issues", "Topics", "Search").doesNotContain("Roundups");

        Files.createDirectories(site.resolve("roundups"));
        Document after = Jsoup.parse(templates.render("site/not-found.ftlh", chrome.model(Map.of())));
        assertThat(after.select("nav a").eachText()).containsSubsequence("Issues", "Roundups", "Topics");
        assertThat(after.select("nav a:containsOwn(Roundups)").attr("href"))
                .isEqualTo(chrome.baseUrl() + "/index.html#roundups");
    }

    @Test
    void theModelKeepsThePagesOwnValuesAndLinksFromTheBaseUrl() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of("paperwire.site.base-url",
                "https://papers.example.org/news/"));
        Map<String, Object> model = new PageChrome(settings, home.resolve("site")).model(Map.of("email", "a@b.example"));
        assertThat(model).containsEntry("email", "a@b.example").containsEntry("root", "https://papers.example.org/news/");
        @SuppressWarnings("unchecked")
        Map<String, Object> site = (Map<String, Object>) model.get("site");
        assertThat(site).containsEntry("baseUrl", "https://papers.example.org/news").containsEntry("roundups", false);
    }
}
