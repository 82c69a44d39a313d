package io.paperwire.render;

import io.paperwire.testing.SampleRun;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check a mail client would make of the issue email, on the message the sample run actually writes. */
class EmailIT {

    static MimeMessage message;
    static Document issuePage;
    static long size;

    @BeforeAll
    static void runTheSampleWeek() throws Exception {
        Path home = SampleRun.home();
        Path eml;
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        size = Files.size(eml);
        message = Eml.read(eml);
        issuePage = Jsoup.parse(home.resolve("out/site/issues/2024-W21.html").toFile(), "UTF-8");
    }

    private List<Element> selectedPapers() {
        List<Element> papers = issuePage.select("article.paper");
        assertThat(papers).hasSize(20);
        return papers;
    }

    @Test
    void isMultipartAlternativeWithTextThenHtml() throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(Eml.part(message, "text/plain")).isNotBlank();
        assertThat(Eml.part(message, "text/html")).isNotBlank();
    }

    @Test
    void bothPartsCarryEverySelectedPapersTitleAndLinks() throws Exception {
        Document html = Jsoup.parse(Eml.part(message, "text/html"));
        String text = Eml.part(message, "text/plain");
        String htmlText = html.text();
        for (Element paper : selectedPapers()) {
            String title = paper.selectFirst("h3 a").text();
            String abs = "https://arxiv.org/abs/" + paper.id();
            assertThat(htmlText).as("title in the HTML part").contains(title);
            assertThat(html.select("a[href=" + abs + "]")).as("arXiv link of %s in the HTML part", paper.id()).isNotEmpty();
            assertThat(text).as("title in the text part").contains(title);
            assertThat(text).as("arXiv link in the text part").contains(abs);
        }
    }

    @Test
    void highlightsCarryPdfHuggingFaceAndCodeLinks() throws Exception {
        Document html = Jsoup.parse(Eml.part(message, "text/html"));
        String text = Eml.part(message, "text/plain");
        for (Element paper : issuePage.select("section#highlights article.paper")) {
            assertThat(html.select("a[href=https://arxiv.org/pdf/" + paper.id() + "]")).isNotEmpty();
            assertThat(text).contains("PDF: https://arxiv.org/pdf/" + paper.id());
            // Every source link of the site's issue page, but its "Paper page" (the archive's own; the email links arXiv).
            for (Element link : paper.select(".links a:not(.page-link)")) {
                assertThat(html.select("a[href=" + link.attr("href") + "]")).as(link.text()).isNotEmpty();
                assertThat(text).contains(link.attr("href"));
            }
        }
    }

    @Test
    void hasViewInBrowserPreheaderAndAFooterWithUnsubscribeAddressAndReason() throws Exception {
        Document html = Jsoup.parse(Eml.part(message, "text/html"));
        String text = Eml.part(message, "text/plain");
        String issueUrl = "https://news.example.org/paperwire/issues/2024-W21.html";
        assertThat(html.select("a:containsOwn(View in browser)").attr("href")).isEqualTo(issueUrl);
        assertThat(text).contains("View in browser: " + issueUrl);
        assertThat(html.select(".preheader").text()).startsWith("20 papers this week");
        Element footer = html.select(".foot").last();
        assertThat(footer.select("a:containsOwn(Unsubscribe)").attr("href"))
                .startsWith("https://news.example.org/paperwire/unsubscribe?token=");
        assertThat(footer.text()).contains("Paperwire, 1 Example Street").contains("You receive this because you subscribed");
        assertThat(text).contains("Unsubscribe in one click: https://news.example.org/paperwire/unsubscribe?token=")
                .contains("Paperwire, 1 Example Street");
    }

    @Test
    void showsTheConfiguredSectionsInOrder() throws Exception {
        Document html = Jsoup.parse(Eml.part(message, "text/html"));
        // The reader's "For you" section (from the newsletter's interests: the demo reader set none) comes first.
        assertThat(html.select("h2").eachText())
                .containsExactly("For you", "Trending on Hugging Face", "Highlights", "Also noteworthy");
    }

    @Test
    void staysUnderGmailsClippingSize() throws Exception {
        assertThat(Eml.part(message, "text/html").getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(RenderStage.GMAIL_CLIP_BYTES);
        assertThat(size).isLessThan(RenderStage.GMAIL_CLIP_BYTES);
    }

    @Test
    void needsNoStyleBlockForLayout() throws Exception {
        Document html = Jsoup.parse(Eml.part(message, "text/html"));
        for (Element style : html.select("style")) {
            String outsideMediaQueries = style.data().replaceAll("(?s)@media[^{]*\\{([^{}]*\\{[^{}]*})*\\s*}", "").strip();
            assertThat(outsideMediaQueries).as("rules outside @media would be lost by clients that drop <style>").isEmpty();
        }
        assertThat(html.select("table.card").attr("style")).contains("max-width:600px");
        assertThat(html.select("td.title, td.text, td.byline, h1, h2")).allSatisfy(e ->
                assertThat(e.attr("style")).as(e.outerHtml()).contains("font-size").contains("color"));
        assertThat(html.select("div[class], td[class], table[class], h1, h2, p[class]"))
                .allSatisfy(e -> assertThat(e.hasAttr("style")).as(e.tagName() + "." + e.className()).isTrue());
    }
}
