package io.paperwire.roundup;

import io.paperwire.paper.RoundupEntry;

import java.util.List;

/**
 * The rank step's result: the roundup's papers in order, each with its reasons, not yet written up.
 *
 * @param featured how many distinct papers the period's issues featured
 * @param notes    for the editor: overrides that named papers the period did not feature
 */
public record RankedRoundup(RoundupRequest request, int issueCount, int featured, List<RoundupEntry> entries,
                            List<String> notes) {
    public RankedRoundup {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
