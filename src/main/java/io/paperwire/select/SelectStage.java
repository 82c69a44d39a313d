package io.paperwire.select;

import io.paperwire.PaperwireSettings;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Section;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Week;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks candidates by Hugging Face upvotes, then by how many interest keywords they match, then by recency, and
 * fills "Highlights" and "Also noteworthy" from the top of that ranking.
 */
public final class SelectStage {

    public static final String HIGHLIGHTS = "highlights";
    public static final String NOTEWORTHY = "noteworthy";

    private final InterestProfile profile;
    private final int highlights;
    private final int noteworthy;

    public SelectStage(PaperwireSettings.Interests settings) {
        this.profile = new InterestProfile(settings.keywords());
        this.highlights = settings.highlights();
        this.noteworthy = settings.noteworthy();
    }

    private record Ranked(Paper paper, int upvotes, List<String> keywords, Instant submitted) {}

    private static final Comparator<Ranked> RANKING = Comparator
            .comparingInt(Ranked::upvotes).reversed()
            .thenComparing(Comparator.comparingInt((Ranked r) -> r.keywords().size()).reversed())
            .thenComparing(Ranked::submitted, Comparator.reverseOrder())
            .thenComparing(r -> r.paper().id());

    public Selection select(Candidates candidates) {
        if (candidates.papers().isEmpty()) {
            throw new NoPapersException("no papers for " + candidates.request().week() + ": the sources delivered "
                    + candidates.report().papersPerSource() + ", dropped " + candidates.report().droppedPerReason()
                    + "; nothing is published or sent");
        }
        List<Ranked> ranked = candidates.papers().stream()
                .map(p -> new Ranked(p, p.signals().upvotes(), profile.matches(p),
                        p.published() == null ? Instant.EPOCH : p.published()))
                .sorted(RANKING)
                .toList();
        Week week = candidates.request().week();
        List<SelectedPaper> chosen = new ArrayList<>();
        for (int i = 0; i < Math.min(ranked.size(), highlights + noteworthy); i++) {
            chosen.add(explain(ranked.get(i), i + 1, week));
        }
        List<Section> sections = List.of(
                new Section(HIGHLIGHTS, "Highlights", chosen.subList(0, Math.min(highlights, chosen.size()))),
                new Section(NOTEWORTHY, "Also noteworthy", chosen.subList(Math.min(highlights, chosen.size()), chosen.size())));
        return new Selection(candidates.request(), sections, candidates.report());
    }

    /**
     * The score orders papers the same way as the ranking (upvotes dominate, then keywords, then recency) and the
     * reasons say each part in words.
     */
    private static SelectedPaper explain(Ranked r, int rank, Week week) {
        List<String> reasons = new ArrayList<>();
        reasons.add("rank " + rank);
        if (r.paper().signals().onHuggingFace()) {
            reasons.add(r.upvotes() + " upvotes on Hugging Face Daily Papers");
        }
        if (!r.keywords().isEmpty()) {
            reasons.add("matches interests: " + String.join(", ", r.keywords()));
        }
        double recency = 0;
        if (week.contains(r.submitted())) {
            recency = Duration.between(week.start(), r.submitted()).toMinutes() / (7.0 * 24 * 60);
            reasons.add("submitted " + r.submitted().toString().substring(0, 10));
        }
        double score = r.upvotes() + Math.min(r.keywords().size(), 9) / 10.0 + recency / 100.0;
        return new SelectedPaper(r.paper(), Math.round(score * 1000) / 1000.0, reasons, null);
    }
}
