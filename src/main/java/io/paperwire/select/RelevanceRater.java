package io.paperwire.select;

import io.paperwire.paper.Paper;

import java.util.Optional;

/**
 * An optional second opinion on the top candidates: how relevant a paper is to the interests, 1–10, with a one-line
 * reason. Off by default ({@code paperwire.select.llm-rating}); {@link #NONE} rates nothing.
 */
public interface RelevanceRater {

    /** A rating from 1 (unrelated) to 10 (exactly what readers want) and why, in one line of plain text. */
    record Rating(int score, String reason) {}

    /** Empty when no rating could be had: the paper is then ranked without one. */
    Optional<Rating> rate(Paper paper, String interests);

    RelevanceRater NONE = (paper, interests) -> Optional.empty();
}
