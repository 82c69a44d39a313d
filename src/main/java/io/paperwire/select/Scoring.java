package io.paperwire.select;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a candidate's score (0–100) that need no model:
 * <ul>
 *   <li>community, up to {@value #COMMUNITY}: Hugging Face upvotes and comments, on a log scale against the week's best;</li>
 *   <li>profile, up to {@value #PROFILE}: interest keywords, followed categories, followed authors;</li>
 *   <li>recency, up to {@value #RECENCY}: how late in the week it was submitted.</li>
 * </ul>
 * Meaning (up to {@value #MEANING}, {@link SemanticMatch}) and the optional LLM rating (±{@value #RATING}) are added
 * later to the best of them.
 */
final class Scoring {

    static final double COMMUNITY = 50;
    static final double PROFILE = 20;
    static final double MEANING = 20;
    static final double RECENCY = 10;
    /** The optional LLM relevance rating moves a paper by at most this many points either way. */
    static final double RATING = 10;
    /** Similarity below this counts as unrelated; at {@code FLOOR + SPAN} and above, as a full match. */
    static final double MEANING_FLOOR = 0.15;
    static final double MEANING_SPAN = 0.45;

    /** Best score first; ties by arXiv id, so that a selection is reproducible. */
    static final Comparator<ScoredPaper> RANKING = Comparator.comparingDouble((ScoredPaper s) -> -s.score())
            .thenComparing(s -> s.paper.id());

    private final InterestProfile profile;

    Scoring(InterestProfile profile) {
        this.profile = profile;
    }

    /** Scores each paper against the others of its week. */
    List<ScoredPaper> score(List<Paper> papers, Week week) {
        double best = papers.stream().mapToDouble(Scoring::communityRaw).max().orElse(0);
        return papers.stream().map(p -> {
            InterestProfile.Match match = profile.match(p);
            double profilePart = PROFILE * Math.min(1, 0.2 * match.keywords().size()
                    + (match.categories().isEmpty() ? 0 : 0.2) + (match.authors().isEmpty() ? 0 : 0.6));
            return new ScoredPaper(p, match, best == 0 ? 0 : COMMUNITY * communityRaw(p) / best, profilePart,
                    RECENCY * recency(p.published(), week));
        }).toList();
    }

    private static double communityRaw(Paper p) {
        return p.signals().onHuggingFace() ? Math.log1p(p.signals().upvotes() + 2.0 * p.signals().comments()) : 0;
    }

    private static double recency(Instant submitted, Week week) {
        if (!week.contains(submitted)) {
            return 0;
        }
        return (double) Duration.between(week.submissionsFrom(), submitted).toMinutes()
                / Duration.between(week.submissionsFrom(), week.submissionsUntil()).toMinutes();
    }

    static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
