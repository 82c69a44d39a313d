package io.paperwire.source;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arXiv API ({@code export.arxiv.org/api/query}): every paper submitted in the week's window in the configured
 * categories, page by page, one request at a time with the configured pause between requests.
 */
public final class ArxivApiSource {

    public static final String NAME = "arXiv API";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** The week's papers and the entries that were skipped. */
    public record Result(List<Paper> papers, List<String> problems, int requests) {}

    private final HttpFetcher fetcher;
    private final PaperwireSettings.Arxiv settings;
    private final Duration delay;
    private final ArxivAtomParser parser = new ArxivAtomParser();

    public ArxivApiSource(HttpFetcher fetcher, PaperwireSettings.Arxiv settings, Duration delay) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.delay = delay;
    }

    public Result fetch(Week week) {
        List<Paper> papers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int start = 0;
        int requests = 0;
        while (true) {
            if (requests > 0) {
                pause();
            }
            URI uri = pageUri(week, start);
            HttpFetcher.Response response = fetcher.get(NAME, uri);
            requests++;
            if (!response.isSuccess()) {
                throw new SourceException(NAME, uri, "HTTP " + response.status());
            }
            ArxivAtomParser.Page page;
            try {
                page = parser.parse(new ByteArrayInputStream(response.body()));
            } catch (MalformedResponseException e) {
                throw new SourceException(NAME, uri, e.getMessage(), e);
            }
            papers.addAll(page.papers());
            String where = NAME + " page at start=" + start(page, start) + ": ";
            page.problems().forEach(p -> problems.add(where + p));
            int seen = start + page.papers().size() + page.problems().size();
            if (page.papers().isEmpty() && page.problems().isEmpty() || seen >= page.totalResults()) {
                break;
            }
            start = seen;
        }
        return new Result(papers, problems, requests);
    }

    private static int start(ArxivAtomParser.Page page, int requested) {
        return page.startIndex() > 0 ? page.startIndex() : requested;
    }

    URI pageUri(Week week, int start) {
        String categories = settings.categories().stream().map(c -> "cat:" + c)
                .collect(Collectors.joining(" OR ", "(", ")"));
        String window = "submittedDate:[" + week.monday().format(STAMP) + "0000 TO "
                + week.sunday().format(STAMP) + "2359]";
        String query = "search_query=" + encode(categories + " AND " + window)
                + "&sortBy=submittedDate&sortOrder=ascending"
                + "&start=" + start + "&max_results=" + settings.pageSize();
        return URI.create(settings.apiUrl() + "?" + query);
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting between arXiv requests", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
