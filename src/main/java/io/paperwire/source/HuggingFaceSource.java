package io.paperwire.source;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hugging Face Daily Papers: one request per day of the week; each featured paper carries its upvotes. */
public final class HuggingFaceSource {

    public static final String NAME = "Hugging Face";

    /** The week's featured papers (a paper featured twice appears twice) and the items that were skipped. */
    public record Result(List<Paper> papers, List<String> problems, int requests) {}

    private final HttpFetcher fetcher;
    private final PaperwireSettings.HuggingFace settings;
    private final HuggingFaceParser parser = new HuggingFaceParser();

    public HuggingFaceSource(HttpFetcher fetcher, PaperwireSettings.HuggingFace settings) {
        this.fetcher = fetcher;
        this.settings = settings;
    }

    public Result fetch(Week week) {
        List<Paper> papers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LocalDate day : week.days()) {
            URI uri = URI.create(settings.apiUrl() + "?date=" + day);
            HttpFetcher.Response response = fetcher.get(NAME, uri);
            if (!response.isSuccess()) {
                throw new SourceException(NAME, uri, "HTTP " + response.status());
            }
            try {
                HuggingFaceParser.Page page = parser.parse(new ByteArrayInputStream(response.body()));
                papers.addAll(page.papers());
                page.problems().forEach(p -> problems.add(NAME + " " + day + ": " + p));
            } catch (MalformedResponseException e) {
                throw new SourceException(NAME, uri, e.getMessage(), e);
            }
        }
        return new Result(papers, problems, week.days().size());
    }
}
