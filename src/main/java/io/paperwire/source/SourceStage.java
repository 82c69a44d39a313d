package io.paperwire.source;

import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.SourceReport;
import io.paperwire.paper.Week;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The source stage as the route sees it: {@link RunRequest} in, {@link Candidates} out. Asks every source for the
 * week and merges the answers ({@link PaperMerger}). A source that fails is reported in the {@link SourceReport} with
 * its URL and the others still deliver; only when every source failed does the stage stop the run
 * ({@link SourcesFailedException}, one line per source).
 */
public final class SourceStage {

    private static final Logger LOG = LoggerFactory.getLogger(SourceStage.class);

    /** The sources of a request: live ones, or the bundled sample week; the most authoritative first. */
    public interface Sources {
        List<PaperSource> forRequest(RunRequest request);
    }

    private final Sources sources;
    private final PaperMerger merger = new PaperMerger();

    public SourceStage(Sources sources) {
        this.sources = sources;
    }

    public Candidates collect(RunRequest request) {
        Week week = request.week();
        List<SourceResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perSource = new LinkedHashMap<>();
        for (PaperSource source : sources.forRequest(request)) {
            try {
                SourceResult result = source.fetch(week);
                results.add(result);
                perSource.put(source.name(), result.papers().size());
            } catch (SourceException e) {
                failures.add(e.getMessage());
                perSource.put(source.name(), 0);
                LOG.error("{}", e.getMessage());
            } catch (RuntimeException e) {
                String message = source.name() + ": failed unexpectedly: " + e;
                failures.add(message);
                perSource.put(source.name(), 0);
                LOG.error("{}", message, e);
            }
        }
        if (results.isEmpty()) {
            throw new SourcesFailedException(week, failures);
        }
        PaperMerger.Merged merged = merger.merge(results, week);
        List<String> problems = new ArrayList<>(failures);
        results.forEach(r -> problems.addAll(r.problems()));
        SourceReport report = new SourceReport(perSource, merged.dropped(), problems);
        LOG.info("Sources for {}: {} papers ({}), dropped {}, {} problems", week, merged.papers().size(), perSource,
                merged.dropped(), problems.size());
        problems.stream().skip(failures.size()).limit(100).forEach(p -> LOG.warn("{}", p));
        List<Paper> papers = merged.papers();
        return new Candidates(request, papers, report);
    }
}
