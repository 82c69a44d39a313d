package io.paperwire.source;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The arXiv API ({@code export.arxiv.org/api/query}): every paper submitted in the week's window
 * ({@link Week#submissionsFrom()} to {@link Week#submissionsUntil()}) in the configured categories, page by page ({@code start}, {@code max_results}). Pacing and retries of transient faults are the
 * fetcher's job ({@link PoliteFetcher}); this class retries what only it can recognise: a page that is malformed, or
 * empty while {@code totalResults} says more remain (the API does that under load), before believing it.
 */
public final class ArxivApiSource implements PaperSource {

    public static final String NAME = "arXiv API";
    /** The API serves at most this many results for one query, however it is paged. */
    static final int MAX_RESULTS_PER_QUERY = 30_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(ArxivApiSource.class);

    private final HttpFetcher fetcher;
    private final PaperwireSettings.Arxiv settings;
    private final int pageRetries;
    private final ArxivAtomParser parser = new ArxivAtomParser();

    /**
     * @param pageRetries how often a malformed page, or an empty page in the middle of the results, is asked for again
     */
    public ArxivApiSource(HttpFetcher fetcher, PaperwireSettings.Arxiv settings, int pageRetries) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.pageRetries = pageRetries;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SourceResult fetch(Week week) {
        Map<ArxivId, Paper> papers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> dropped = new TreeMap<>();
        int start = 0;
        int requests = 0;
        while (true) {
            URI uri = pageUri(week, start);
            PageAnswer answer = page(uri, start);
            requests += answer.requests();
            ArxivAtomParser.Page page = answer.page();
            String where = NAME + " page start=" + start + ": ";
            page.problems().forEach(p -> problems.add(where + p));
            answer.note().ifPresent(problems::add);
            for (Paper paper : page.papers()) {
                if (paper.published() == null) {
                    dropped.merge("no submission date", 1, Integer::sum);
                } else if (!week.contains(paper.published())) {
                    dropped.merge("submitted outside " + week, 1, Integer::sum);
                } else {
                    Paper known = papers.get(paper.id());
                    if (known != null) {
                        dropped.merge("duplicate entry", 1, Integer::sum);
                    }
                    papers.put(paper.id(), known == null || paper.version() > known.version() ? paper : known);
                }
            }
            int entries = page.papers().size() + page.problems().size();
            int next = start + entries;
            if (entries == 0 || next >= page.totalResults()) {
                break;
            }
            if (next >= MAX_RESULTS_PER_QUERY) {
                problems.add(NAME + ": the query matched " + page.totalResults() + " papers but the API serves at most "
                        + MAX_RESULTS_PER_QUERY + "; the rest of " + week + " is missing (" + uri + ")");
                break;
            }
            start = next;
        }
        return new SourceResult(NAME, List.copyOf(papers.values()), problems, dropped, requests);
    }

    private record PageAnswer(ArxivAtomParser.Page page, int requests, Optional<String> note) {}

    private PageAnswer page(URI uri, int start) {
        int requests = 0;
        for (int attempt = 1; ; attempt++) {
            HttpFetcher.Response response = fetcher.get(NAME, uri);
            requests++;
            if (!response.isSuccess()) {
                throw new SourceException(NAME, uri, "HTTP " + response.status() + apiError(response.body()));
            }
            ArxivAtomParser.Page page;
            try {
                page = parser.parse(response.body());
            } catch (MalformedResponseException e) {
                fetcher.reject(uri);
                if (attempt > pageRetries) {
                    throw new SourceException(NAME, uri, e.getMessage(), e);
                }
                LOG.warn("{}: {} at {}; asking again ({} of {})", NAME, e.getMessage(), uri, attempt, pageRetries);
                continue;
            }
            boolean emptyTooSoon = page.papers().isEmpty() && page.problems().isEmpty() && start < page.totalResults();
            if (!emptyTooSoon) {
                return new PageAnswer(page, requests, Optional.empty());
            }
            fetcher.reject(uri);
            if (attempt > pageRetries) {
                return new PageAnswer(page, requests, Optional.of(NAME + ": page start=" + start
                        + " stayed empty after " + attempt + " requests though totalResults=" + page.totalResults()
                        + "; the rest of the week may be missing (" + uri + ")"));
            }
            LOG.warn("{}: empty page at start={} though totalResults={}; asking again ({} of {})", NAME, start,
                    page.totalResults(), attempt, pageRetries);
        }
    }

    /** The API's own explanation when an error answer carries one (an Atom feed with an error entry). */
    private String apiError(byte[] body) {
        try {
            parser.parse(body);
            return "";
        } catch (MalformedResponseException e) {
            return e.getMessage().startsWith("the arXiv API answered") ? ": " + e.getMessage() : "";
        }
    }

    URI pageUri(Week week, int start) {
        String categories = settings.categories().stream().map(c -> "cat:" + c)
                .collect(Collectors.joining(" OR ", "(", ")"));
        // arXiv's range is in whole minutes, both ends included: the minute the window ends is asked for too and its
        // papers, the next week's, are dropped by week.contains.
        String window = "submittedDate:[" + STAMP.format(week.submissionsFrom()) + " TO "
                + STAMP.format(week.submissionsUntil()) + "]";
        String query = "search_query=" + encode(categories + " AND " + window)
                + "&sortBy=submittedDate&sortOrder=ascending"
                + "&start=" + start + "&max_results=" + settings.pageSize();
        return URI.create(settings.apiUrl() + "?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
