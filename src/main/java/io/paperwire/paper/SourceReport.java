package io.paperwire.paper;

import java.util.List;
import java.util.Map;

/**
 * What the source stage saw: papers per source, papers dropped per reason, and the problems met
 * (a skipped entry with its position, a failed request with its URL).
 */
public record SourceReport(Map<String, Integer> papersPerSource, Map<String, Integer> droppedPerReason,
                           List<String> problems) {
    public SourceReport {
        papersPerSource = Map.copyOf(papersPerSource);
        droppedPerReason = Map.copyOf(droppedPerReason);
        problems = List.copyOf(problems);
    }

    public static SourceReport empty() {
        return new SourceReport(Map.of(), Map.of(), List.of());
    }
}
