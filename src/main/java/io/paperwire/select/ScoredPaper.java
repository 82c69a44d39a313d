package io.paperwire.select;

import io.paperwire.paper.Paper;

import java.util.ArrayList;
import java.util.List;

/** One candidate with the parts of its score, filled in by the steps of a selection. */
final class ScoredPaper {

    static final String PINNED = EditorOverrides.PINNED_REASON;

    final Paper paper;
    final InterestProfile.Match match;
    final double community;
    final double profile;
    final double recency;
    double similarity = Double.NaN;
    float[] vector;
    RelevanceRater.Rating rating;
    final List<String> notes = new ArrayList<>();

    ScoredPaper(Paper paper, InterestProfile.Match match, double community, double profile, double recency) {
        this.paper = paper;
        this.match = match;
        this.community = community;
        this.profile = profile;
        this.recency = recency;
    }

    double meaning() {
        return Double.isNaN(similarity) ? 0
                : Scoring.MEANING * Scoring.clamp((similarity - Scoring.MEANING_FLOOR) / Scoring.MEANING_SPAN);
    }

    /** −{@value Scoring#RATING} for a rating of 1 to +{@value Scoring#RATING} for 10; 0 without a rating. */
    double rated() {
        return rating == null ? 0 : Scoring.RATING * (rating.score() - 5.5) / 4.5;
    }

    double score() {
        return community + profile + meaning() + recency + rated();
    }

    boolean pinned() {
        return notes.contains(PINNED);
    }
}
