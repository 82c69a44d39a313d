package io.paperwire.source;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.paperwire.common.Pacer;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Wiring shared by the source tests: settings and fetcher chains pointed at a WireMock server, Atom entries. */
final class SourceKit {

    static final Week WEEK = Week.parse("2024-W21");
    static final LocalDate MONDAY = WEEK.monday();
    static final String USER_AGENT = "Paperwire-test/1 (source tests)";

    private SourceKit() {}

    static PaperwireSettings.Arxiv arxiv(WireMockServer server, int pageSize, Duration delay) {
        return new PaperwireSettings.Arxiv(URI.create(server.baseUrl() + "/api/query"),
                URI.create(server.baseUrl() + "/rss"), URI.create(server.baseUrl() + "/list"),
                List.of("cs.AI", "cs.LG"), pageSize, delay);
    }

    static PaperwireSettings.HuggingFace hf(WireMockServer server) {
        return new PaperwireSettings.HuggingFace(URI.create(server.baseUrl() + "/api/daily_papers"));
    }

    static HostAllowList loopback() {
        return new HostAllowList(Set.of("localhost", "127.0.0.1"));
    }

    /** The live chain with tiny pauses: pacing gap, retries (3 attempts, 10 ms backoff, Retry-After up to 5 s). */
    static HttpFetcher polite(Duration gap, Duration timeout) {
        return new PoliteFetcher(new JdkHttpFetcher(USER_AGENT, timeout, 32 * 1024 * 1024, loopback()),
                new Pacer(gap), SourceSettings.retryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5)));
    }

    static HttpFetcher polite() {
        return polite(Duration.ofMillis(5), Duration.ofSeconds(5));
    }

    /** An Atom feed page of the arXiv API around the given entries. */
    static String atom(int total, int start, String... entries) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
                  <id>https://arxiv.org/api/test</id>
                  <title>arXiv Query: test</title>
                """);
        xml.append("  <opensearch:totalResults>").append(total).append("</opensearch:totalResults>\n")
                .append("  <opensearch:startIndex>").append(start).append("</opensearch:startIndex>\n")
                .append("  <opensearch:itemsPerPage>").append(entries.length).append("</opensearch:itemsPerPage>\n");
        for (String entry : entries) {
            xml.append(entry);
        }
        return xml.append("</feed>\n").toString();
    }

    static String entry(String id, int version, String title, String abstractText, Instant published) {
        return entry(id, version, title, abstractText, published, "");
    }

    static String entry(String id, int version, String title, String abstractText, Instant published, String extra) {
        return "  <entry>\n    <id>http://arxiv.org/abs/" + id + "v" + version + "</id>\n"
                + "    <updated>" + published + "</updated>\n    <published>" + published + "</published>\n"
                + (title == null ? "" : "    <title>" + title + "</title>\n")
                + "    <summary>" + abstractText + "</summary>\n"
                + "    <author><name>Ada Example</name></author>\n"
                + "    <arxiv:primary_category term=\"cs.LG\"/>\n    <category term=\"cs.LG\"/>\n" + extra
                + "  </entry>\n";
    }

    static Instant inWeek(int day) {
        return MONDAY.plusDays(day).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
