package io.paperwire.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.paperwire.common.Pacer;
import io.paperwire.common.RetryPolicy;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.select.NoPapersException;
import io.paperwire.select.RelevanceRater;
import io.paperwire.select.SelectStage;
import io.paperwire.select.SelectionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.paperwire.source.SourceKit.WEEK;
import static io.paperwire.source.SourceKit.atom;
import static io.paperwire.source.SourceKit.entry;
import static io.paperwire.source.SourceKit.inWeek;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fault of the list, against WireMock playing arXiv and Hugging Face. */
class SourceFaultsTest {

    static final String HTML_ERROR_PAGE = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head>"
            + "<body><p>We are down for maintenance.<br></body></html>";
    static final String TRUNCATED_ATOM = "<?xml version='1.0'?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>";

    /** One server for the class: stopping a server with delayed answers still pending takes seconds. */
    static WireMockServer server;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).atPriority(9)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    }

    private ArxivApiSource arxivSource(int pageSize) {
        return new ArxivApiSource(SourceKit.polite(), SourceKit.arxiv(server, pageSize, Duration.ZERO), 2);
    }

    private HuggingFaceSource huggingFace() {
        return HuggingFaceSource.daily(SourceKit.polite(), SourceKit.hf(server), 50);
    }

    private SourceStage stage() {
        return new SourceStage(request -> List.of(arxivSource(100), huggingFace()));
    }

    private void arxivAnswers(String body) {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8").withBody(body)));
    }

    private void arxivAnswers(byte[] body) {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8").withBody(body)));
    }

    private void huggingFaceAnswersMonday(String body) {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2024-05-20"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    static String hfItem(String id, int upvotes, String extraPaperFields) {
        return "{\"paper\":{\"id\":\"" + id + "\",\"title\":\"Featured " + id + "\",\"summary\":\"An abstract.\","
                + "\"upvotes\":" + upvotes + ",\"authors\":[{\"name\":\"Bo Example\"}],"
                + "\"publishedAt\":\"2024-05-20T10:00:00.000Z\"" + extraPaperFields + "},"
                + "\"numComments\":1,\"title\":\"Featured " + id + "\"}";
    }

    private int requests(String path) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    private List<ServeEvent> arxivEvents() {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/query"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .toList();
    }

    @Test
    void aMalformedArxivPageFailsWithSourceAndUrlWhileHuggingFaceStillDelivers() {
        arxivAnswers(TRUNCATED_ATOM);
        huggingFaceAnswersMonday("[" + hfItem("2405.20001", 7, "") + "]");

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value()).containsExactly("2405.20001");
        assertThat(candidates.report().problems().get(0)).startsWith("arXiv API: malformed Atom XML at line 3")
                .contains(server.baseUrl() + "/api/query?search_query=");
        assertThat(candidates.report().papersPerSource()).containsEntry("arXiv API", 0).containsEntry("Hugging Face", 1);
        assertThat(requests("/api/query")).as("a malformed page is asked for again, then believed").isEqualTo(3);
    }

    @Test
    void malformedHuggingFaceJsonFailsThatSourceOnlyAndArxivDelivers() {
        arxivAnswers(atom(1, 0, entry("2405.10001", 1, "A Paper", "Text.", inWeek(1))));
        huggingFaceAnswersMonday("[{\"paper\": {\"id\": \"2405.1");

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value()).containsExactly("2405.10001");
        assertThat(candidates.report().problems()).anySatisfy(p -> assertThat(p)
                .startsWith("Hugging Face: malformed JSON at line 1")
                .contains(server.baseUrl() + "/api/daily_papers?date=2024-05-20"));
    }

    @Test
    void aTruncatedPageIsAskedForAgainAndTheSecondAnswerCounts() {
        server.stubFor(get(urlPathEqualTo("/api/query")).inScenario("truncated").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody(TRUNCATED_ATOM)).willSetStateTo("whole"));
        server.stubFor(get(urlPathEqualTo("/api/query")).inScenario("truncated").whenScenarioStateIs("whole")
                .willReturn(aResponse().withStatus(200).withBody(atom(1, 0,
                        entry("2405.10001", 1, "A Paper", "Text.", inWeek(1))))));

        SourceResult result = arxivSource(100).fetch(WEEK);

        assertThat(result.papers()).hasSize(1);
        assertThat(result.requests()).isEqualTo(2);
    }

    @Test
    void aConnectionCutMidBodyIsRetriedByTheFetcher() {
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2024-05-20"))
                .atPriority(1).inScenario("cut").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2024-05-20"))
                .atPriority(1).inScenario("cut").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("[" + hfItem("2405.20001", 3, "") + "]")));

        SourceResult result = huggingFace().fetch(WEEK);

        assertThat(result.papers()).extracting(p -> p.id().value()).containsExactly("2405.20001");
        assertThat(server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/daily_papers"))
                .withQueryParam("date", equalTo("2024-05-20")).build()).getCount()).isEqualTo(2);
    }

    @Test
    void anHtmlErrorPageServedWithStatus200IsAClearErrorNotAnEmptyWeek() {
        arxivAnswers(HTML_ERROR_PAGE);
        huggingFaceAnswersMonday(HTML_ERROR_PAGE);

        assertThatThrownBy(() -> arxivSource(100).fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv API: malformed Atom XML")
                .hasMessageContaining(server.baseUrl() + "/api/query?");
        assertThatThrownBy(() -> huggingFace().fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("Hugging Face: malformed JSON")
                .hasMessageContaining(server.baseUrl() + "/api/daily_papers?date=2024-05-20");
    }

    @Test
    void a503WithRetryAfterIsAskedAgainOnlyAfterTheServerSaysSo() {
        server.stubFor(get(urlPathEqualTo("/api/query")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("free"));
        server.stubFor(get(urlPathEqualTo("/api/query")).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody(atom(1, 0,
                        entry("2405.10001", 1, "A Paper", "Text.", inWeek(1))))));

        SourceResult result = arxivSource(100).fetch(WEEK);

        assertThat(result.papers()).hasSize(1);
        List<ServeEvent> events = arxivEvents();
        assertThat(events).hasSize(2);
        long gap = events.get(1).getRequest().getLoggedDate().getTime() - events.get(0).getRequest().getLoggedDate().getTime();
        assertThat(gap).as("ms between the 503 and the retry").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aRetryAfterLongerThanAllowedGivesUpAtOnceAndSaysWhy() {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> arxivSource(100).fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageContaining("arXiv API: HTTP 429 with Retry-After of 3600 s")
                .hasMessageContaining(server.baseUrl() + "/api/query?");
        assertThat(requests("/api/query")).isEqualTo(1);
    }

    @Test
    void aServerErrorThatPersistsGivesUpAfterTheRetriesWithOneClearError() {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> arxivSource(100).fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv API: HTTP 500 (gave up after 3 attempts)");
        assertThat(requests("/api/query")).isEqualTo(3);
    }

    @Test
    void aTimeoutIsRetriedAndTheAnswerThatComesInTimeCounts() {
        server.stubFor(get(urlPathEqualTo("/api/query")).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(700).withBody(atom(0, 0)))
                .willSetStateTo("fast"));
        server.stubFor(get(urlPathEqualTo("/api/query")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withBody(atom(1, 0,
                        entry("2405.10001", 1, "A Paper", "Text.", inWeek(1))))));
        ArxivApiSource source = new ArxivApiSource(SourceKit.polite(Duration.ofMillis(5), Duration.ofMillis(250)),
                SourceKit.arxiv(server, 100, Duration.ZERO), 2);

        SourceResult result = source.fetch(WEEK);

        assertThat(result.papers()).hasSize(1);
        assertThat(requests("/api/query")).isEqualTo(2);
    }

    @Test
    void aTimeoutThatPersistsNamesTheSourceTheUrlAndTheTimeout() {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200).withFixedDelay(700)));
        ArxivApiSource source = new ArxivApiSource(SourceKit.polite(Duration.ofMillis(5), Duration.ofMillis(200)),
                SourceKit.arxiv(server, 100, Duration.ZERO), 0);

        assertThatThrownBy(() -> source.fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv API: no answer within").hasMessageContaining("gave up after 3 attempts")
                .hasMessageContaining(server.baseUrl() + "/api/query?");
    }

    @Test
    void anEmptyPageMidPagingIsAskedForAgainBeforeItIsBelieved() {
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("0"))
                .willReturn(aResponse().withStatus(200).withBody(atom(4, 0,
                        entry("2405.10001", 1, "One", "Text.", inWeek(0)), entry("2405.10002", 1, "Two", "Text.", inWeek(0))))));
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("2"))
                .inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody(atom(4, 2))).willSetStateTo("back"));
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("2"))
                .inScenario("flaky").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(200).withBody(atom(4, 2,
                        entry("2405.10003", 1, "Three", "Text.", inWeek(1)), entry("2405.10004", 1, "Four", "Text.", inWeek(2))))));

        SourceResult result = arxivSource(2).fetch(WEEK);

        assertThat(result.papers()).extracting(p -> p.id().value())
                .containsExactly("2405.10001", "2405.10002", "2405.10003", "2405.10004");
        assertThat(result.requests()).isEqualTo(3);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anEmptyPageThatStaysEmptyIsBelievedOnlyAfterTheRetriesAndReported() {
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("0"))
                .willReturn(aResponse().withStatus(200).withBody(atom(4, 0,
                        entry("2405.10001", 1, "One", "Text.", inWeek(0)), entry("2405.10002", 1, "Two", "Text.", inWeek(0))))));
        server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withBody(atom(4, 2))));

        SourceResult result = arxivSource(2).fetch(WEEK);

        assertThat(result.papers()).hasSize(2);
        assertThat(result.requests()).isEqualTo(4);
        assertThat(result.problems()).singleElement().asString()
                .contains("page start=2 stayed empty after 3 requests though totalResults=4");
    }

    @Test
    void duplicateIdsBecomeOnePaperWithTheNewestVersionAndAreCounted() {
        arxivAnswers(atom(3, 0,
                entry("2405.10001", 1, "Old Title", "Old text.", inWeek(0)),
                entry("2405.10001", 2, "New Title", "New text.", inWeek(0)),
                entry("2405.10002", 1, "Other", "Text.", inWeek(1))));

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value()).containsExactly("2405.10001", "2405.10002");
        Paper paper = candidates.papers().get(0);
        assertThat(paper.version()).isEqualTo(2);
        assertThat(paper.title()).isEqualTo("New Title");
        assertThat(candidates.report().droppedPerReason()).containsEntry("arXiv API: duplicate entry", 1);
    }

    @Test
    void withdrawnPapersAreDroppedAndCounted() {
        arxivAnswers(atom(2, 0,
                entry("2405.10001", 2, "Gone", "This paper has been withdrawn by the author due to an error.", inWeek(0),
                        "    <arxiv:comment>This paper has been withdrawn</arxiv:comment>\n"),
                entry("2405.10002", 1, "Here", "Text.", inWeek(1))));

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value()).containsExactly("2405.10002");
        assertThat(candidates.report().droppedPerReason()).containsEntry("withdrawn", 1);
    }

    @Test
    void anEntryWithMissingFieldsIsSkippedAndReportedWithItsPosition() {
        arxivAnswers(atom(4, 0,
                entry("2405.10001", 1, "Fine", "Text.", inWeek(0)),
                entry("2405.10002", 1, null, "No title at all.", inWeek(0)),
                "  <entry><title>No id</title></entry>\n",
                entry("2405.10004", 1, "Fine Too", "Text.", inWeek(1)).replaceAll("<published>[^<]*</published>", "")));

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value()).containsExactly("2405.10001");
        assertThat(candidates.report().problems()).containsExactly(
                "arXiv API page start=0: entry 2 skipped: 2405.10002 has no title",
                "arXiv API page start=0: entry 3 skipped: no <id>");
        assertThat(candidates.report().droppedPerReason()).containsEntry("arXiv API: no submission date", 1);
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersInsteadOfCostingThePage() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[] halves = atom(2, 0, entry("2405.10001", 1, "Caf\u00e9 Networks", "Bad byte: MARK here.", inWeek(0)),
                entry("2405.10002", 1, "Second", "Text.", inWeek(1))).split("MARK");
        body.write(halves[0].getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xFF, (byte) 0xC3, (byte) 0x28});
        body.write(halves[1].getBytes(StandardCharsets.UTF_8));
        arxivAnswers(body.toByteArray());
        huggingFaceAnswersMonday("[" + hfItem("2405.20001", 2, "") .replace("An abstract.", "Latin-1 \u00ff") + "]");
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo("2024-05-21")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(("[" + hfItem("2405.20002", 2, "") + "]")
                        .replace("An abstract.", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1))));

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value())
                .containsExactly("2405.10001", "2405.10002", "2405.20001", "2405.20002");
        assertThat(candidates.papers().get(0).title()).isEqualTo("Caf\u00e9 Networks");
        assertThat(candidates.papers().get(0).abstractText()).contains("Bad byte: \uFFFD").endsWith("here.");
        assertThat(candidates.papers().get(3).abstractText()).isEqualTo("caf\uFFFD");
    }

    @Test
    void aTenMegabyteAbstractIsCappedAndTheOtherEntriesSurvive() {
        String huge = "word ".repeat(2 * 1024 * 1024);
        arxivAnswers(atom(2, 0, entry("2405.10001", 1, "Huge", huge, inWeek(0)),
                entry("2405.10002", 1, "Small", "Text.", inWeek(1))));

        SourceResult result = arxivSource(100).fetch(WEEK);

        assertThat(result.papers()).hasSize(2);
        assertThat(result.papers().get(0).abstractText().length()).isLessThanOrEqualTo(ArxivAtomParser.MAX_ABSTRACT_CHARS)
                .isGreaterThan(ArxivAtomParser.MAX_ABSTRACT_CHARS - 10).isPositive();
        assertThat(result.papers().get(0).abstractText()).endsWith("\u2026");
        assertThat(result.papers().get(1).abstractText()).isEqualTo("Text.");
    }

    @Test
    void aResponseOverTheSizeCapIsRefusedWithAClearError() {
        arxivAnswers(atom(1, 0, entry("2405.10001", 1, "Big", "x".repeat(200_000), inWeek(0))));
        HttpFetcher capped = new PoliteFetcher(new JdkHttpFetcher(SourceKit.USER_AGENT, Duration.ofSeconds(5), 64 * 1024,
                SourceKit.loopback()), new Pacer(Duration.ZERO), RetryPolicy.NONE);
        ArxivApiSource source = new ArxivApiSource(capped, SourceKit.arxiv(server, 100, Duration.ZERO), 0);

        assertThatThrownBy(() -> source.fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv API: response larger than 64 KiB")
                .hasMessageContaining(server.baseUrl() + "/api/query?");
    }

    @Test
    void unknownNewFieldsAreIgnored() {
        arxivAnswers(atom(1, 0, entry("2405.10001", 1, "Fine", "Text.", inWeek(0),
                "    <arxiv:brand_new kind=\"x\"><arxiv:nested>deep</arxiv:nested></arxiv:brand_new>\n"
                        + "    <link title=\"html\" href=\"https://arxiv.org/html/2405.10001v1\" rel=\"related\"/>\n")));
        huggingFaceAnswersMonday("[" + hfItem("2405.20001", 9, ",\"brandNewField\":{\"a\":[1,2,{\"b\":null}]}") + "]");

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).extracting(p -> p.id().value()).containsExactly("2405.10001", "2405.20001");
        assertThat(candidates.papers().get(0).authors()).extracting(a -> a.name()).containsExactly("Ada Example");
        assertThat(candidates.report().problems()).isEmpty();
    }

    @Test
    void aRedirectToAHostOutsideTheAllowListIsNotFollowed() {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://metadata.internal.example/latest")));

        assertThatThrownBy(() -> arxivSource(100).fetch(WEEK)).isInstanceOf(SourceException.class)
                .hasMessageStartingWith("arXiv API: host 'metadata.internal.example' is not in paperwire.http.allowed-hosts")
                .hasMessageContaining("(http://metadata.internal.example/latest)");
    }

    @Test
    void aRedirectWithinTheAllowListIsFollowed() {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "/moved/query")));
        server.stubFor(get(urlPathEqualTo("/moved/query")).willReturn(aResponse().withStatus(200)
                .withBody(atom(1, 0, entry("2405.10001", 1, "Moved", "Text.", inWeek(0))))));

        assertThat(arxivSource(100).fetch(WEEK).papers()).hasSize(1);
    }

    @Test
    void whenEverySourceFailsTheStageStopsWithOneLinePerSourceNamingItsUrl() {
        arxivAnswers(TRUNCATED_ATOM);
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).atPriority(1).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> stage().collect(RunRequest.of(WEEK)))
                .isInstanceOfSatisfying(SourcesFailedException.class, e -> {
                    assertThat(e.failures()).hasSize(2);
                    assertThat(e.failures().get(0)).startsWith("arXiv API: malformed Atom XML")
                            .contains(server.baseUrl() + "/api/query?");
                    assertThat(e.failures().get(1)).startsWith("Hugging Face: HTTP 404")
                            .contains(server.baseUrl() + "/api/daily_papers?date=2024-05-20");
                    assertThat(e.getMessage()).startsWith("no source delivered 2024-W21; nothing is published or sent");
                });
    }

    @Test
    void whenTheSourcesDeliverNoPaperSelectionStopsTheRunAndSaysWhy() {
        arxivAnswers(atom(0, 0));

        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).isEmpty();
        SelectStage select = new SelectStage(SelectionSettings.keywords(List.of("reasoning"), 10, 10), RelevanceRater.NONE);
        assertThatThrownBy(() -> select.select(candidates)).isInstanceOf(NoPapersException.class)
                .hasMessageContaining("no papers for 2024-W21").hasMessageContaining("arXiv API=0");
    }
}
