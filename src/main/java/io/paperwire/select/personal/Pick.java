package io.paperwire.select.personal;

import io.paperwire.paper.Paper;

import java.util.List;

/**
 * A paper picked for one reader, with the few words that say why ("follows: diffusion", "like 2 papers you liked").
 */
public record Pick(Paper paper, double score, List<String> reasons) {

    public Pick {
        reasons = List.copyOf(reasons);
    }
}
