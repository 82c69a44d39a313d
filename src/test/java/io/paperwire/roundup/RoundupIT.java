package io.paperwire.roundup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.paperwire.testing.CommandResult;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roundups from the CLI down: the weekly runs of 2024-W18 … 2024-W22 against stand-ins of arXiv and Hugging Face
 * (made once, then copied for each test), then {@code paperwire roundup}; with an LLM played by WireMock for the
 * tests of the written text.
 */
class RoundupIT {

    static final String BASE_URL = "https://news.example.org/paperwire";
    static final String CHAT = "/v1/chat/completions";
    static final List<String> WEEKS = List.of("2024-W18", "2024-W19", "2024-W20", "2024-W21", "2024-W22");
    static final Pattern RANKED = Pattern.compile("(?m)^\\s+\\d+\\. \\[score [0-9.]+] (\\S+)");
    static final ObjectMapper JSON = new ObjectMapper();

    static Path weeklyRuns;

    @TempDir
    Path home;

    WireMockServer llm;

    /** The five weekly issues of May 2024, published (extractive summaries, no subscribers yet). */
    @BeforeAll
    static void runTheWeeksOfMay(@TempDir Path folder) {
        WireMockServer sources = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        sources.start();
        try {
            FakeMonth.serve(sources, FakeMonth.papers());
            for (String week : WEEKS) {
                CommandResult result = paperwire("--home", folder.toString(),
                        "--set", "paperwire.arxiv.api-url=" + sources.baseUrl() + "/api/query",
                        "--set", "paperwire.hf.api-url=" + sources.baseUrl() + "/api/daily_papers",
                        "--set", "paperwire.arxiv.delay-seconds=0", "--set", "paperwire.hf.delay-seconds=0",
                        "--set", "paperwire.http.retry-backoff-seconds=0.01", "--set", "paperwire.select.semantic=false",
                        "--set", "paperwire.site.base-url=" + BASE_URL, "run", "--week", week);
                assertThat(result.exitCode()).as(result.toString()).isZero();
            }
        } finally {
            sources.stop();
        }
        weeklyRuns = folder;
    }

    @BeforeEach
    void copyTheWeeklyRuns() throws IOException {
        try (Stream<Path> files = Files.walk(weeklyRuns)) {
            for (Path from : files.toList()) {
                Path to = home.resolve(weeklyRuns.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        llm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        llm.start();
    }

    @AfterEach
    void stopLlm() {
        llm.stop();
    }

    private CommandResult paperwireHere(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString(), "--set", "paperwire.site.base-url=" + BASE_URL));
        all.addAll(List.of(args));
        return paperwire(all.toArray(String[]::new));
    }

    private CommandResult withLlm(String... args) {
        List<String> all = new ArrayList<>(List.of("--set", "paperwire.llm.provider=openai",
                "--set", "paperwire.llm.base-url=" + llm.baseUrl() + "/v1", "--set", "paperwire.llm.model=gpt-test",
                "--set", "paperwire.llm.max-retries=0"));
        all.addAll(List.of(args));
        return paperwireHere(all.toArray(String[]::new));
    }

    private List<Path> roundupMail(String slug) throws IOException {
        Path outbox = home.resolve("out/outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(slug) + "-\\d+\\.eml")).sorted().toList();
        }
    }

    private Set<String> papersOfTheWeeklyIssues() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String week : WEEKS) {
            Jsoup.parse(home.resolve("out/site/issues/" + week + ".html").toFile(), "UTF-8").select("article.paper")
                    .forEach(a -> ids.add(a.id()));
        }
        return ids;
    }

    private static Document page(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theMonthsRoundupRanksItsIssuesPapersIsLinkedEverywhereAndMailsEachSubscriberOnce() throws Exception {
        assertThat(paperwireHere("subscribers", "add", "ada@example.org").exitCode()).isZero();
        assertThat(paperwireHere("subscribers", "add", "grace@example.org").exitCode()).isZero();
        assertThat(paperwireHere("subscribers", "add", "gone@example.org").exitCode()).isZero();
        assertThat(paperwireHere("subscribers", "remove", "gone@example.org").exitCode()).isZero();

        CommandResult result = paperwireHere("roundup", "--month", "2024-05", "--send");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Roundup roundup-2024-05 published", "10 papers from 5 weekly issues",
                "2 sent, 0 already had it");
        Path site = home.resolve("out/site");
        Document roundup = page(site.resolve("roundups/2024-05.html"));
        List<Element> papers = roundup.select("article.paper");
        assertThat(papers).hasSizeGreaterThanOrEqualTo(10);
        Set<String> featured = papersOfTheWeeklyIssues();
        assertThat(papers.stream().map(Element::id).distinct()).hasSize(papers.size()).allMatch(featured::contains);
        for (Element paper : papers) {
            assertThat(paper.select(".paragraph").text()).as(paper.id()).hasSizeGreaterThan(60);
            assertThat(paper.select(".meta a").attr("href")).matches("\\.\\./issues/2024-W(18|19|20|21|22)\\.html#"
                    + Pattern.quote(paper.id()));
            String paperPage = paper.select(".links a.page-link").attr("href");
            assertThat(paperPage).as(paper.id()).startsWith("../papers/");
            assertThat(site.resolve("roundups").resolve(paperPage).normalize()).as(paperPage).isRegularFile();
            assertThat(paper.select("details.why li").eachText()).anyMatch(r -> r.contains("upvotes and"))
                    .anyMatch(r -> r.startsWith("featured in"));
        }
        assertThat(roundup.select(".intro").text()).startsWith("May 2024 in papers: 5 weekly issues featured 100 papers.");

        assertThat(page(site.resolve("index.html")).select("#roundups a[href=roundups/2024-05.html]")).hasSize(1);
        assertThat(page(site.resolve("index.html")).select("header nav a[href=index.html#roundups]")).hasSize(1);
        assertThat(Files.readString(site.resolve("feed.xml"))).contains("<id>" + BASE_URL + "/roundups/2024-05.html</id>");
        assertThat(Files.readString(site.resolve("feed.json"))).contains(BASE_URL + "/roundups/2024-05.html");
        assertThat(Files.readString(site.resolve("sitemap.xml"))).contains(BASE_URL + "/roundups/2024-05.html");
        assertThat(Files.readString(site.resolve("search.json"))).contains("roundups/2024-05.html#" + papers.get(0).id());

        List<Path> mail = roundupMail("roundup-2024-05");
        assertThat(mail).hasSize(2);
        Set<String> recipients = new HashSet<>();
        for (Path file : mail) {
            MimeMessage message = Eml.read(file);
            recipients.add(message.getAllRecipients()[0].toString());
            assertThat(message.getSubject()).isEqualTo("Paperwire roundup: the best papers of May 2024");
            assertThat(message.getHeader("Message-ID", null)).matches("<paperwire\\.roundup-2024-05\\.\\d+\\.[A-Za-z0-9_-]{22}@.+>");
            assertThat(message.getHeader("List-Unsubscribe", null)).contains(BASE_URL + "/unsubscribe?token=");
            String html = Eml.part(message, "text/html");
            for (Element paper : papers) {
                assertThat(html).contains(BASE_URL + "/roundups/2024-05.html#" + paper.id());
            }
            assertThat(Eml.part(message, "text/plain")).contains(BASE_URL + "/issues/2024-W");
            // Each reader's own preferences link (where they can turn the roundups off), in both parts.
            assertThat(Eml.part(message, "text/plain")).containsPattern(Pattern.quote(BASE_URL)
                    + "/preferences\\?token=p\\d+\\.[A-Za-z0-9_-]{22}\\s");
            assertThat(html).containsPattern(Pattern.quote(BASE_URL) + "/preferences\\?token=p\\d+\\.[A-Za-z0-9_-]{22}\"");
        }
        assertThat(recipients).containsExactlyInAnyOrder("ada@example.org", "grace@example.org");

        CommandResult again = paperwireHere("roundup", "--month", "2024-05", "--send");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("published before", "0 sent, 2 already had it");
        assertThat(roundupMail("roundup-2024-05")).hasSize(2);
        byte[] published = Files.readAllBytes(site.resolve("roundups/2024-05.html"));

        CommandResult preview = paperwireHere("preview", "--roundup", "2024-05");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(page(home.resolve("out/preview/site/roundups/2024-05.html")).select("article.paper")).hasSize(papers.size());
        assertThat(Files.readString(home.resolve("out/preview/roundup-2024-05.html"))).contains("token=preview");

        CommandResult weekly = paperwireHere("run", "--week", "2024-W22");
        assertThat(weekly.exitCode()).as(weekly.toString()).isZero();
        assertThat(Files.readAllBytes(site.resolve("roundups/2024-05.html"))).isEqualTo(published);
        assertThat(roundupMail("roundup-2024-05")).hasSize(2);
    }

    @Test
    void theYearsRoundupGroupsItsPapersByTopic() throws Exception {
        CommandResult result = paperwireHere("roundup", "--year", "2024");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Document roundup = page(home.resolve("out/site/roundups/2024.html"));
        assertThat(roundup.select("article.paper")).hasSize(25);
        List<Element> topics = roundup.select("section.roundup-topic");
        assertThat(topics).hasSizeGreaterThanOrEqualTo(2);
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.select("h2").text()).isNotBlank();
            assertThat(topic.select("article.paper")).isNotEmpty();
        });
        assertThat(roundup.select("article.paper").stream().map(Element::id).distinct()).hasSize(25);
        assertThat(roundupMail("roundup-2024")).isEmpty();
    }

    @Test
    void aPeriodWithoutIssuesOrNotOverStopsWithOneClearLine() {
        CommandResult empty = paperwireHere("roundup", "--month", "2024-03");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err().strip()).isEqualTo("paperwire: No weekly issue of March 2024 is stored (its weeks are"
                + " 2024-W10 to 2024-W13); publish some with paperwire run --week 2024-W10 first");

        CommandResult future = paperwireHere("roundup", "--quarter", "2099-Q1");
        assertThat(future.exitCode()).isEqualTo(1);
        assertThat(future.err()).startsWith("paperwire: Q1 2099 is not over yet").contains("--force");
        assertThat(future.err().strip().lines()).hasSize(1);
        assertThat(home.resolve("out/site/roundups")).doesNotExist();
    }

    /** What the roundup ranks, read from a dry run's listing. */
    private List<String> rankedIds() {
        CommandResult dry = paperwireHere("roundup", "--month", "2024-05", "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        List<String> ids = new ArrayList<>();
        Matcher m = RANKED.matcher(dry.out());
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(10);
        return ids;
    }

    private void answer(String content) throws Exception {
        Map<String, Object> body = Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1747163257,
                "model", "gpt-test", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 1000, "completion_tokens", 500, "total_tokens", 1500));
        llm.stubFor(post(urlPathEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body))));
    }

    private int llmCalls() {
        return llm.findAll(postRequestedFor(urlPathEqualTo(CHAT))).size();
    }

    static final String INTRO = "May brought a steady stream of work on making language models reason better and run"
            + " cheaper, from sparse attention to speculative decoding, with readers rewarding papers that shipped code"
            + " and careful benchmarks alongside their claims.";

    static String paragraph(String id) {
        return "Paper " + id + " revisits a familiar problem with a simpler method that reasons in short steps, and"
                + " its benchmarks suggest the idea travels well beyond the setting it was tuned for. Readers on"
                + " Hugging Face took notice, and the newsletter featured it as one of the month's clearest results.";
    }

    @Test
    void withAnLlmTheParagraphsComeFromItCheckedAndARerunCostsNoCall() throws Exception {
        List<String> ids = rankedIds();
        String unsupported = ids.get(3);
        String hostile = ids.get(5);
        List<Map<String, String>> papers = new ArrayList<>();
        for (String id : ids) {
            String text = paragraph(id);
            if (id.equals(unsupported)) {
                text += " It improves accuracy by 97.5% on every benchmark.";
            }
            if (id.equals(hostile)) {
                text = "<script>alert(1)</script> " + text + " See http://evil.example/x for more.";
            }
            papers.add(Map.of("id", id, "paragraph", text));
        }
        Map<String, Object> roundup = new LinkedHashMap<>();
        roundup.put("intro", INTRO);
        roundup.put("papers", papers);
        answer(JSON.writeValueAsString(roundup));

        CommandResult result = withLlm("roundup", "--month", "2024-05");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(llmCalls()).as("the answer and one repair").isEqualTo(2);
        assertThat(result.out()).contains("text by openai:gpt-test (2 LLM calls)",
                "composed from the stored summaries instead of openai:gpt-test: 1 paragraph(s)");
        Document page = page(home.resolve("out/site/roundups/2024-05.html"));
        assertThat(page.select(".intro").text()).isEqualTo(INTRO);
        for (String id : ids) {
            Element paper = page.getElementById(id);
            String paragraph = paper.select(".paragraph").text();
            if (id.equals(unsupported)) {
                assertThat(paragraph).doesNotContain("97.5%").endsWith("(composed from the stored summary)");
            } else {
                assertThat(paragraph).contains("revisits a familiar problem").doesNotContain("composed from");
            }
        }
        assertThat(page.getElementById(hostile).select(".paragraph").text()).doesNotContain("evil.example", "alert(1)");
        assertThat(Files.readString(home.resolve("out/site/roundups/2024-05.html"), StandardCharsets.UTF_8))
                .doesNotContain("<script>alert").doesNotContain("evil.example");

        llm.resetRequests();
        CommandResult forced = withLlm("roundup", "--month", "2024-05", "--force");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(llmCalls()).isZero();
        assertThat(forced.out()).contains("Roundup roundup-2024-05-2 published", "from the cache, 0 LLM calls");
        assertThat(page(home.resolve("out/site/roundups/2024-05-2.html")).select(".intro").text()).isEqualTo(INTRO);
    }

    @Test
    void aBadAnswerFallsBackToTheComposedTextMarkedAndIsNotAskedAgain() throws Exception {
        answer("Sure! Here is a lovely roundup of the month, no JSON today.");

        CommandResult result = withLlm("roundup", "--month", "2024-05", "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(llmCalls()).isEqualTo(2);
        assertThat(result.out()).contains("LLM answer still faulty after one repair (the answer is not a JSON object)",
                "composed from the stored summaries instead of openai:gpt-test: the introduction and 10 paragraph(s)");
        Document preview = page(home.resolve("out/preview/site/roundups/2024-05.html"));
        assertThat(preview.select(".intro").text()).startsWith("May 2024 in papers").endsWith("(composed from the stored summaries)");
        assertThat(preview.select(".paragraph")).hasSize(10)
                .allSatisfy(p -> assertThat(p.text()).endsWith("(composed from the stored summary)"));
        String email = Files.readString(home.resolve("out/preview/roundup-2024-05.html"), StandardCharsets.UTF_8);
        assertThat(email).contains("(composed from the stored summaries)");
        assertThat(home.resolve("out/site/roundups")).doesNotExist();

        llm.resetRequests();
        assertThat(withLlm("roundup", "--month", "2024-05", "--dry-run").exitCode()).isZero();
        assertThat(llmCalls()).isZero();
    }
}
