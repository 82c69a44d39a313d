package io.paperwire.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.FakeWeek;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.paperwire.source.SourceKit.MONDAY;
import static io.paperwire.source.SourceKit.WEEK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole week replayed by WireMock through the live wiring ({@link LiveSources} built from settings): 1600 arXiv
 * entries over 3 API pages with arXiv's real 3-second pause, 5 Hugging Face days. Takes about 6 seconds.
 */
class WeekReplayIT {

    static final int ENTRIES = 1600;
    static final int PAGE_SIZE = 600;
    static final int FEATURED = 40;

    @TempDir
    Path home;

    WireMockServer server;
    FakeWeek week;

    @BeforeEach
    void serveTheWeek() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        week = FakeWeek.generated(MONDAY, ENTRIES, FEATURED);
        for (int start = 0; start < ENTRIES; start += PAGE_SIZE) {
            server.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("start", equalTo(String.valueOf(start)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/atom+xml")
                            .withBody(week.atomPage(start, PAGE_SIZE, ENTRIES))));
        }
        for (int d = 0; d < 7; d++) {
            LocalDate day = MONDAY.plusDays(d);
            server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo(day.toString()))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(week.huggingFaceDay(day))));
        }
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("sort", equalTo("trending"))
                .willReturn(aResponse().withStatus(200).withBody(week.huggingFaceDay(MONDAY.plusDays(2)))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private SourceStage stage() {
        PaperwireSettings settings = PaperwireSettings.load(home, Map.of(), Map.of(
                "paperwire.arxiv.api-url", server.baseUrl() + "/api/query",
                "paperwire.hf.api-url", server.baseUrl() + "/api/daily_papers",
                "paperwire.arxiv.page-size", String.valueOf(PAGE_SIZE),
                "paperwire.arxiv.delay-seconds", "3",
                "paperwire.hf.delay-seconds", "0",
                "paperwire.http.user-agent", "Paperwire-replay/1 (mailto:ops@example.org)"));
        return new SourceStage(new LiveSources(settings));
    }

    private List<ServeEvent> events(String path) {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    @Test
    void collectsEveryPaperOnceWithThreeSecondsBetweenArxivRequestsAndAskesNothingTwiceOnARerun() {
        Candidates candidates = stage().collect(RunRequest.of(WEEK));

        assertThat(candidates.papers()).hasSize(ENTRIES);
        assertThat(candidates.papers().stream().map(Paper::id).distinct()).hasSize(ENTRIES);
        assertThat(candidates.papers().stream().map(p -> p.id().value()))
                .containsExactlyInAnyOrderElementsOf(week.papers().stream().map(FakeWeek.FakePaper::id).toList());
        assertThat(candidates.papers().stream().filter(p -> p.signals().onHuggingFace())).hasSize(FEATURED);
        assertThat(candidates.report().papersPerSource()).containsEntry("arXiv API", ENTRIES)
                .containsEntry("Hugging Face", FEATURED);
        assertThat(candidates.report().problems()).isEmpty();

        List<ServeEvent> arxiv = events("/api/query");
        assertThat(arxiv).hasSize(3);
        for (int i = 1; i < arxiv.size(); i++) {
            long previousStart = arxiv.get(i - 1).getRequest().getLoggedDate().getTime();
            long previousEnd = previousStart + Math.max(0, arxiv.get(i - 1).getTiming().getTotalTime());
            long start = arxiv.get(i).getRequest().getLoggedDate().getTime();
            assertThat(start - previousStart).as("ms between arXiv requests %d and %d", i, i + 1).isGreaterThanOrEqualTo(3000);
            assertThat(start).as("arXiv request %d starts after %d was answered", i + 1, i).isGreaterThanOrEqualTo(previousEnd);
        }
        assertThat(arxiv).allSatisfy(e -> assertThat(e.getRequest().getHeader("User-Agent"))
                .isEqualTo("Paperwire-replay/1 (mailto:ops@example.org)"));
        assertThat(events("/api/daily_papers").stream().filter(e -> e.getRequest().queryParameter("date").isPresent()))
                .hasSize(7);

        int requestsBefore = server.getAllServeEvents().size();
        Candidates again = stage().collect(RunRequest.of(WEEK));

        assertThat(again.papers()).hasSize(ENTRIES);
        assertThat(server.getAllServeEvents()).as("requests of the rerun").hasSize(requestsBefore);
    }
}
