package io.paperwire.source;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hugging Face Daily Papers ({@code /api/daily_papers}): each day of the week ({@code date=}), or the week's trending
 * view ({@code week=…&sort=trending}), page by page ({@code p}, {@code limit}). A paper featured on several days is
 * delivered once, with the strongest signals.
 */
public final class HuggingFaceSource implements PaperSource {

    public static final String NAME = "Hugging Face";
    public static final String TRENDING = "Hugging Face trending";
    /** A guard against an API that ignores {@code p} and answers the same page forever. */
    static final int MAX_PAGES = 20;

    private final HttpFetcher fetcher;
    private final PaperwireSettings.HuggingFace settings;
    private final int pageSize;
    private final boolean trending;
    private final HuggingFaceParser parser = new HuggingFaceParser();

    /** The daily papers of each day of the week. */
    public static HuggingFaceSource daily(HttpFetcher fetcher, PaperwireSettings.HuggingFace settings, int pageSize) {
        return new HuggingFaceSource(fetcher, settings, pageSize, false);
    }

    /** The trending papers of the week. */
    public static HuggingFaceSource trending(HttpFetcher fetcher, PaperwireSettings.HuggingFace settings, int pageSize) {
        return new HuggingFaceSource(fetcher, settings, pageSize, true);
    }

    private HuggingFaceSource(HttpFetcher fetcher, PaperwireSettings.HuggingFace settings, int pageSize,
                              boolean trending) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.pageSize = pageSize;
        this.trending = trending;
    }

    @Override
    public String name() {
        return trending ? TRENDING : NAME;
    }

    @Override
    public SourceResult fetch(Week week) {
        Map<ArxivId, Paper> papers = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> dropped = new TreeMap<>();
        int requests = 0;
        List<String> views = trending ? List.of("week=" + week + "&sort=trending")
                : week.days().stream().map(LocalDate::toString).map(d -> "date=" + d).toList();
        for (String view : views) {
            for (int p = 0; p < MAX_PAGES; p++) {
                URI uri = URI.create(settings.apiUrl() + "?" + view + "&limit=" + pageSize + "&p=" + p);
                HttpFetcher.Response response = fetcher.get(name(), uri);
                requests++;
                if (!response.isSuccess()) {
                    throw new SourceException(name(), uri, "HTTP " + response.status());
                }
                HuggingFaceParser.Page page;
                try {
                    page = parser.parse(response.body());
                } catch (MalformedResponseException e) {
                    fetcher.reject(uri);
                    throw new SourceException(name(), uri, e.getMessage(), e);
                }
                String where = name() + " " + view + " page " + p + ": ";
                page.problems().forEach(problem -> problems.add(where + problem));
                int fresh = 0;
                for (Paper paper : page.papers()) {
                    Paper known = papers.get(paper.id());
                    if (known == null) {
                        fresh++;
                        papers.put(paper.id(), paper);
                    } else {
                        dropped.merge("featured more than once", 1, Integer::sum);
                        papers.put(paper.id(), known.withSignals(known.signals().mergedWith(paper.signals())));
                    }
                }
                if (page.papers().size() + page.problems().size() < pageSize || fresh == 0) {
                    break;
                }
            }
        }
        return new SourceResult(name(), List.copyOf(papers.values()), problems, dropped, requests);
    }
}
