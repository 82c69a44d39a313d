package io.paperwire.roundup;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.paperwire.testing.FakeWeek;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * May 2024 as arXiv and Hugging Face stand-ins serve it: the weeks 2024-W18 to 2024-W22 (each week's Thursday is in
 * May), {@value #PER_WEEK} invented papers a week with ids unique over the month, the first {@value #FEATURED} of each
 * week on Hugging Face with upvotes that differ from week to week.
 */
final class FakeMonth {

    static final LocalDate FIRST_MONDAY = LocalDate.of(2024, 4, 29);
    static final int WEEKS = 5;
    static final int PER_WEEK = 24;
    static final int FEATURED = 10;
    static final String[] TOPICS = {"Sparse Attention", "Reasoning Traces", "Diffusion Sampling", "Agent Benchmarks",
            "Tokenizers", "Speculative Decoding"};

    private FakeMonth() {}

    static FakeWeek papers() {
        FakeWeek month = new FakeWeek();
        for (int w = 0; w < WEEKS; w++) {
            LocalDate monday = FIRST_MONDAY.plusWeeks(w);
            for (int i = 0; i < PER_WEEK; i++) {
                LocalDate day = monday.plusDays(i % 5);
                LocalDate submitted = day.minusDays(i % 5 == 0 ? 3 : 1);
                Instant published = submitted.atTime(9 + i % 8, i % 60).toInstant(ZoneOffset.UTC);
                String id = String.format("%02d%02d.%05d", submitted.getYear() % 100, submitted.getMonthValue(),
                        30000 + w * 100 + i);
                String topic = TOPICS[(i + w) % TOPICS.length];
                month.add(new FakeWeek.FakePaper(id, 1, topic + " Revisited: Study " + i + " of Week " + (18 + w),
                        "We study " + topic.toLowerCase() + " in language models. Prior methods are slow and brittle. "
                                + "We propose method " + i + ", which reasons over " + (i % 7 + 2) + " steps. "
                                + "Experiments on four benchmarks show it improves accuracy by " + (i % 9 + 1) + ".5%. "
                                + "Code and data are released for others to build on.",
                        List.of("Author " + i + " One", "Author " + w + " Two"), i % 2 == 0 ? "cs.LG" : "cs.CL",
                        published, i < FEATURED ? 300 + 40 * ((i * 7 + w * 3) % 11) : -1, i < FEATURED ? day : null));
            }
        }
        return month;
    }

    /** Serves the month's papers: one arXiv API page with all of them (each week's run keeps its own), HF by day. */
    static void serve(WireMockServer server, FakeWeek month) {
        server.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/atom+xml; charset=utf-8").withBody(month.allInOneAtomPage())));
        for (int d = -7; d < 7 * WEEKS + 7; d++) {
            LocalDate day = FIRST_MONDAY.plusDays(d);
            server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("date", equalTo(day.toString()))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(month.huggingFaceDay(day))));
        }
        server.stubFor(get(urlPathEqualTo("/api/daily_papers")).withQueryParam("sort", equalTo("trending"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    }
}
