package io.paperwire;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paperwire.source.SourceStage;
import io.paperwire.testing.CommandResult;
import io.paperwire.testing.Eml;
import io.paperwire.testing.FakeWeek;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline, from the CLI down, against WireMock playing arXiv and Hugging Face. */
class PipelineIT {

    static final String SCRIPT_TITLE = "<script>alert(1)</script> Attention Is Not All You Need";
    static final String TRUNCATED_ATOM = "<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>";
    static final LocalDate MONDAY = LocalDate.of(2024, 5, 20);

    @TempDir
    Path home;

    WireMockServer sources;
    FakeWeek week;

    @BeforeEach
    void startSources() {
        sources = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        sources.start();
        week = FakeWeek.generated(MONDAY, 30, 12);
        week.add(new FakeWeek.FakePaper("2405.29999", 1, SCRIPT_TITLE,
                "We show that a title can carry markup. The abstract says <img src=x onerror=alert(2)> too. "
                        + "Our results hold on 3 datasets.",
                List.of("Mallory <mallory@example.org>"), "cs.LG", Instant.parse("2024-05-21T12:00:00Z"), 5000, MONDAY));
        serve(week);
    }

    @AfterEach
    void stopSources() {
        sources.stop();
    }

    private void serve(FakeWeek fake) {
        sources.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8").withBody(fake.allInOneAtomPage())));
        for (int d = 0; d < 7; d++) {
            LocalDate day = MONDAY.plusDays(d);
            sources.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo(day.toString()))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(fake.huggingFaceDay(day))));
        }
        sources.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("sort", equalTo("trending"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fake.huggingFaceDay(MONDAY))));
    }

    private CommandResult run(String... extra) {
        String[] base = {
                "--home", home.toString(),
                "--set", "paperwire.arxiv.api-url=" + sources.baseUrl() + "/api/query",
                "--set", "paperwire.hf.api-url=" + sources.baseUrl() + "/api/daily_papers",
                "--set", "paperwire.arxiv.delay-seconds=0",
                "--set", "paperwire.hf.delay-seconds=0",
                "--set", "paperwire.http.retry-backoff-seconds=0.01",
                "--set", "paperwire.site.base-url=https://news.example.org/paperwire",
                "run", "--week", "2024-W21"};
        return paperwire(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private List<Path> outbox() throws Exception {
        Path outbox = home.resolve("out/outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void publishesTheIssueAndMailsEverySubscriber() throws Exception {
        assertThat(paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org").exitCode()).isZero();
        assertThat(paperwire("--home", home.toString(), "subscribers", "add", "grace@example.org").exitCode()).isZero();

        CommandResult result = run();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Issue 2024-W21 published").contains("2 sent");
        Path site = home.resolve("out/site");
        assertThat(site.resolve("index.html")).exists();
        assertThat(site.resolve("feed.xml")).exists();
        Document page = Jsoup.parse(site.resolve("issues/2024-W21.html").toFile(), "UTF-8");
        assertThat(page.select("section#highlights article.paper")).hasSize(10);
        assertThat(page.select("section#noteworthy article.paper")).hasSize(10);
        assertThat(page.select("article.paper")).allSatisfy(article -> {
            String id = article.id();
            assertThat(article.select("h3 a").attr("href")).isEqualTo("https://arxiv.org/abs/" + id);
            assertThat(article.select(".meta").text()).isNotBlank();
            assertThat(article.select(".tldr").text()).startsWith("TL;DR").hasSizeGreaterThan(12);
        });
        Document index = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("a[href=issues/2024-W21.html]")).hasSize(1);

        List<Path> messages = outbox();
        assertThat(messages).hasSize(2);
        MimeMessage message = Eml.read(messages.get(0));
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(message.getHeader("Message-ID", null)).matches("<paperwire\\.2024-W21\\.\\d+\\.[A-Za-z0-9_-]{22}@paperwire\\.example>");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(message.getHeader("List-Unsubscribe", null)).contains("https://news.example.org/paperwire/unsubscribe?token=");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String html = Eml.part(message, "text/html");
        String text = Eml.part(message, "text/plain");
        for (var article : page.select("article.paper")) {
            assertThat(html).contains("https://arxiv.org/abs/" + article.id());
            assertThat(text).contains("https://arxiv.org/abs/" + article.id());
        }
        assertThat(html).contains("https://news.example.org/paperwire/issues/2024-W21.html");
    }

    @Test
    void escapesMarkupFromTheSourcesEverywhereItIsRendered() throws Exception {
        paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org");

        CommandResult result = run();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String html = Eml.part(Eml.read(outbox().get(0)), "text/html");
        String page = Files.readString(home.resolve("out/site/issues/2024-W21.html"), StandardCharsets.UTF_8);
        String feed = Files.readString(home.resolve("out/site/feed.xml"), StandardCharsets.UTF_8);
        for (String rendered : List.of(html, page, feed)) {
            assertThat(rendered).doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                    .doesNotContain("<mallory@");
        }
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Attention Is Not All You Need");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Attention Is Not All You Need");
        // In the feed the entry's HTML is XML text, so the title is escaped twice.
        assertThat(feed).contains("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;");
        // the page's only script is the site's own math typesetter, in the head
        assertThat(Jsoup.parse(page).select("script").eachAttr("src")).containsExactly("../assets/math.js");
        assertThat(Jsoup.parse(page).select("body script")).isEmpty();
        assertThat(Jsoup.parse(html).select("script, img")).isEmpty();
    }

    @Test
    void aSecondRunOfTheSameWeekSendsNothingTwice() throws Exception {
        paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org");
        assertThat(run().exitCode()).isZero();
        int arxivRequests = sources.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/query")).build()).getCount();
        byte[] firstPage = Files.readAllBytes(home.resolve("out/site/issues/2024-W21.html"));

        CommandResult second = run();

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("0 sent, 1 already had it");
        assertThat(outbox()).hasSize(1);
        assertThat(Files.readAllBytes(home.resolve("out/site/issues/2024-W21.html"))).isEqualTo(firstPage);
        assertThat(sources.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/query")).build()).getCount())
                .isEqualTo(arxivRequests);
        try (Stream<Path> pages = Files.list(home.resolve("out/site/issues"))) {
            assertThat(pages).hasSize(1);
        }
    }

    @Test
    void aNewSubscriberGetsThePublishedIssueOnTheNextRun() throws Exception {
        paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org");
        assertThat(run().exitCode()).isZero();
        paperwire("--home", home.toString(), "subscribers", "add", "grace@example.org");

        CommandResult second = run();

        assertThat(second.out()).contains("1 sent, 1 already had it");
        assertThat(outbox()).hasSize(2);
    }

    @Test
    void malformedAnswersFromEverySourceStopTheRunWithOneLinePerSourceAndSendNothing() throws Exception {
        paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org");
        sources.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody(TRUNCATED_ATOM)));
        sources.stubFor(get(urlPathEqualTo("/api/daily_papers")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[{\"paper\": {\"id\": ")));

        CommandResult result = run();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(Paperwire.EXIT_FAILED);
        List<String> errorLines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(errorLines.get(0)).startsWith("paperwire: no source delivered 2024-W21");
        assertThat(errorLines).filteredOn(l -> l.contains("arXiv API:")).singleElement().asString()
                .contains("malformed Atom XML at line").contains(sources.baseUrl() + "/api/query?search_query=");
        assertThat(errorLines).filteredOn(l -> l.contains("Hugging Face:")).singleElement().asString()
                .contains("malformed JSON").contains(sources.baseUrl() + "/api/daily_papers?date=2024-05-20");
        assertThat(outbox()).isEmpty();
        assertThat(home.resolve("out/site")).doesNotExist();
    }

    @Test
    void aMalformedArxivAnswerIsReportedWhileHuggingFaceStillDelivers() throws Exception {
        paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org");
        sources.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml").withBody(TRUNCATED_ATOM)));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger sourceLog = (Logger) LoggerFactory.getLogger(SourceStage.class);
        log.start();
        sourceLog.addAppender(log);
        CommandResult result;
        try {
            result = run();
        } finally {
            sourceLog.detachAppender(log);
        }

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().contains("arXiv API").contains("malformed Atom XML at line")
                .contains(sources.baseUrl() + "/api/query?search_query=");
        Document page = Jsoup.parse(home.resolve("out/site/issues/2024-W21.html").toFile(), "UTF-8");
        List<String> featured = week.papers().stream().filter(p -> p.upvotes() >= 0).map(FakeWeek.FakePaper::id).toList();
        assertThat(page.select("article.paper")).isNotEmpty()
                .allSatisfy(article -> assertThat(featured).contains(article.id()));
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void aDryRunPrintsTheSelectionWithReasonsAndPublishesNothing() throws Exception {
        paperwire("--home", home.toString(), "subscribers", "add", "ada@example.org");

        CommandResult result = run("--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Dry run of 2024-W21").contains("Highlights").contains("Also noteworthy")
                .containsPattern("\\[score \\d+\\.\\d{3}\\]").containsPattern("why: rank 1; .*\\d+ upvotes on Hugging Face Daily Papers");
        assertThat(home.resolve("out/preview/2024-W21.html")).exists();
        assertThat(home.resolve("out/site")).doesNotExist();
        assertThat(outbox()).isEmpty();
    }
}
