package io.paperwire.source;

import io.paperwire.paper.Paper;

import java.util.List;
import java.util.Map;

/**
 * What one source delivered for a week.
 *
 * @param papers   the papers, one per arXiv id
 * @param problems entries that were skipped, each with its position, and faults the source recovered from
 * @param dropped  papers left out on purpose, counted per reason (outside the week, duplicate, announce type …)
 * @param requests HTTP requests made (answers served from the cache count too)
 */
public record SourceResult(String source, List<Paper> papers, List<String> problems, Map<String, Integer> dropped,
                           int requests) {
    public SourceResult {
        papers = List.copyOf(papers);
        problems = List.copyOf(problems);
        dropped = Map.copyOf(dropped);
    }
}
