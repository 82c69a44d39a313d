package io.paperwire.source;

import io.paperwire.paper.ArxivId;
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
import java.util.TreeMap;

/**
 * The source stage as the route sees it: {@link RunRequest} in, {@link Candidates} out. Collects the week from
 * arXiv and Hugging Face and merges by arXiv id: arXiv's metadata and the newest version's text win, Hugging Face
 * adds its signals.
 */
public final class SourceStage {

    private static final Logger LOG = LoggerFactory.getLogger(SourceStage.class);

    /** Builds the sources for a request: live ones, or the bundled sample week. */
    public interface Sources {
        ArxivApiSource arxiv(RunRequest request);

        HuggingFaceSource huggingFace(RunRequest request);
    }

    private final Sources sources;

    public SourceStage(Sources sources) {
        this.sources = sources;
    }

    public Candidates collect(RunRequest request) {
        Week week = request.week();
        ArxivApiSource.Result arxiv = sources.arxiv(request).fetch(week);
        HuggingFaceSource.Result huggingFace = sources.huggingFace(request).fetch(week);

        Map<String, Integer> dropped = new TreeMap<>();
        Map<ArxivId, Paper> merged = new LinkedHashMap<>();
        for (Paper paper : arxiv.papers()) {
            if (!week.contains(paper.published())) {
                dropped.merge("submitted outside " + week, 1, Integer::sum);
                continue;
            }
            Paper known = merged.get(paper.id());
            if (known != null) {
                dropped.merge("duplicate arXiv entry", 1, Integer::sum);
            }
            merged.merge(paper.id(), paper, SourceStage::newerVersion);
        }
        for (Paper featured : huggingFace.papers()) {
            Paper known = merged.get(featured.id());
            merged.put(featured.id(), known == null ? featured
                    : known.withSignals(known.signals().mergedWith(featured.signals())));
        }
        List<String> problems = new ArrayList<>(arxiv.problems());
        problems.addAll(huggingFace.problems());
        Map<String, Integer> perSource = new LinkedHashMap<>();
        perSource.put(ArxivApiSource.NAME, arxiv.papers().size());
        perSource.put(HuggingFaceSource.NAME, (int) huggingFace.papers().stream().map(Paper::id).distinct().count());
        SourceReport report = new SourceReport(perSource, dropped, problems);
        LOG.info("Sources for {}: {} papers ({}), dropped {}, {} problems", week, merged.size(), perSource, dropped,
                problems.size());
        problems.forEach(p -> LOG.warn("{}", p));
        return new Candidates(request, List.copyOf(merged.values()), report);
    }

    private static Paper newerVersion(Paper a, Paper b) {
        Paper newer = b.version() > a.version() ? b : a;
        return newer.withSignals(a.signals().mergedWith(b.signals()));
    }
}
