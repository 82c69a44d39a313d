package io.paperwire.select;

import io.paperwire.paper.Paper;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Week;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why a paper was chosen: its rank and, in words with their points, each part of its score. */
final class Explanations {

    private Explanations() {}

    static SelectedPaper explain(ScoredPaper s, int rank, Week week) {
        List<String> reasons = new ArrayList<>();
        reasons.add("rank " + rank);
        reasons.addAll(s.notes);
        Paper p = s.paper;
        if (p.signals().onHuggingFace()) {
            reasons.add(p.signals().upvotes() + " upvotes on Hugging Face Daily Papers"
                    + (p.signals().comments() > 0 ? ", " + p.signals().comments()
                    + (p.signals().comments() == 1 ? " comment" : " comments") : "") + points(s.community));
        }
        if (!s.match.keywords().isEmpty()) {
            reasons.add("matches interests: " + String.join(", ", s.match.keywords()));
        }
        if (!s.match.categories().isEmpty()) {
            reasons.add("followed category " + String.join(", ", s.match.categories()));
        }
        if (!s.match.authors().isEmpty()) {
            reasons.add("by followed author " + String.join(", ", s.match.authors()));
        }
        if (s.profile > 0) {
            reasons.add("profile match" + points(s.profile));
        }
        if (!Double.isNaN(s.similarity)) {
            reasons.add(String.format(Locale.ROOT, "meaning close to the interests (similarity %.2f)%s", s.similarity,
                    points(s.meaning())));
        }
        if (s.rating != null) {
            reasons.add(String.format(Locale.ROOT, "LLM relevance %d/10: %s (%+.1f)", s.rating.score(), s.rating.reason(),
                    s.rated()));
        }
        if (week.contains(p.published())) {
            reasons.add("submitted " + p.published().toString().substring(0, 10) + points(s.recency));
        }
        return new SelectedPaper(p, Math.round(s.score() * 1000) / 1000.0, reasons, null);
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, " (+%.1f)", value);
    }
}
