package io.paperwire.select;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Week;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Chooses the papers: scores every candidate ({@link Scoring}), adds how close it is in meaning to the
 * interests ({@link SemanticMatch}) and optionally an LLM's relevance rating, applies the editor's overrides, collapses
 * near-duplicates ({@link NearDuplicates}) and fills "Highlights" and "Also noteworthy", each paper with the reasons
 * for its place ({@link Explanations}).
 */
public final class SelectStage {

    private static final Logger LOG = LoggerFactory.getLogger(SelectStage.class);

    private final SelectionSettings settings;
    private final Scoring scoring;
    private final SemanticMatch semantic;
    private final NearDuplicates duplicates;
    private final RelevanceRater rater;

    public SelectStage(SelectionSettings settings, Supplier<Embedder> embedder, RelevanceRater rater) {
        this.settings = settings;
        this.scoring = new Scoring(new InterestProfile(settings.keywords(), settings.categories(), settings.authors()));
        this.semantic = new SemanticMatch(settings, embedder);
        this.duplicates = new NearDuplicates(settings.duplicateSimilarity());
        this.rater = rater;
    }

    public SelectStage(SelectionSettings settings, Supplier<Embedder> embedder) {
        this(settings, embedder, RelevanceRater.NONE);
    }

    /** With the embedded all-MiniLM-L6-v2 model, loaded only if the settings ask for a semantic match. */
    public SelectStage(SelectionSettings settings, RelevanceRater rater) {
        this(settings, MiniLmEmbedder::shared, rater);
    }

    public Selection select(Candidates candidates) {
        if (candidates.papers().isEmpty()) {
            throw new NoPapersException("no papers for " + candidates.request().week() + ": the sources delivered "
                    + candidates.report().papersPerSource() + ", dropped " + candidates.report().droppedPerReason()
                    + "; nothing is published or sent");
        }
        EditorOverrides overrides = EditorOverrides.read(settings.overrides());
        Week week = candidates.request().week();
        List<Paper> kept = new ArrayList<>();
        for (Paper p : candidates.papers()) {
            if (overrides.of(p.id()).map(o -> o.action() == EditorOverrides.Action.DROP).orElse(false)) {
                LOG.info("{} dropped by the editor ({})", p.id(), settings.overrides());
            } else {
                kept.add(p);
            }
        }
        List<ScoredPaper> scored = new ArrayList<>(scoring.score(kept, week));
        scored.sort(Scoring.RANKING);
        semantic.embed(scored, s -> overrides.of(s.paper.id()).isPresent());
        scored.sort(Scoring.RANKING);
        if (settings.llmRatingTop() > 0 && rater != RelevanceRater.NONE) {
            rate(scored.subList(0, Math.min(settings.llmRatingTop(), scored.size())));
            scored.sort(Scoring.RANKING);
        }

        List<ScoredPaper> chosen = choose(scored, overrides);
        return new Selection(candidates.request(), sections(chosen, overrides, week), candidates.report());
    }

    /** The LLM's relevance rating of the top candidates, four calls at a time. */
    private void rate(List<ScoredPaper> top) {
        String interests = settings.interests().isEmpty() ? String.join(", ", settings.keywords()) : settings.interests();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (ScoredPaper s : top) {
                calls.add(pool.submit(() -> rater.rate(s.paper, interests).ifPresent(r -> s.rating = r)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.info("LLM relevance rating incomplete: {}", e.getCause().getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pinned papers first, then the best of the rest, skipping near-duplicates of papers already chosen. */
    private List<ScoredPaper> choose(List<ScoredPaper> ranked, EditorOverrides overrides) {
        int wanted = settings.highlights() + settings.noteworthy();
        List<ScoredPaper> chosen = new ArrayList<>();
        Set<ArxivId> present = new HashSet<>();
        for (ScoredPaper s : ranked) {
            present.add(s.paper.id());
            if (overrides.of(s.paper.id()).map(o -> o.action() == EditorOverrides.Action.PIN).orElse(false)) {
                s.notes.add(ScoredPaper.PINNED);
                chosen.add(s);
            }
        }
        overrides.all().forEach((id, o) -> {
            if (o.action() == EditorOverrides.Action.PIN && !present.contains(id)) {
                LOG.warn("{} is pinned in {} (line {}) but is not among this week's candidates", id,
                        settings.overrides(), o.line());
            }
        });
        for (ScoredPaper s : ranked) {
            if (chosen.size() >= Math.max(wanted, chosen.stream().filter(ScoredPaper::pinned).count())) {
                break;
            }
            if (chosen.contains(s)) {
                continue;
            }
            Optional<String> twin = Optional.empty();
            for (ScoredPaper c : chosen) {
                Optional<String> reason = duplicates.reason(c, s);
                if (reason.isPresent()) {
                    c.notes.add("also covers near-duplicate " + s.paper.id() + " (" + reason.get() + ")");
                    twin = reason;
                    break;
                }
            }
            if (twin.isEmpty()) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    private List<Section> sections(List<ScoredPaper> chosen, EditorOverrides overrides, Week week) {
        Map<SectionKey, List<ScoredPaper>> bySection = new EnumMap<>(SectionKey.class);
        bySection.put(SectionKey.HIGHLIGHTS, new ArrayList<>());
        bySection.put(SectionKey.NOTEWORTHY, new ArrayList<>());
        List<ScoredPaper> free = new ArrayList<>();
        for (ScoredPaper s : chosen) {
            var o = overrides.of(s.paper.id());
            if (o.isPresent() && o.get().action() != EditorOverrides.Action.DROP) {
                if (o.get().action() == EditorOverrides.Action.MOVE) {
                    s.notes.add("moved to " + o.get().section().id() + " by the editor");
                }
                bySection.get(o.get().section()).add(s);
            } else {
                free.add(s);
            }
        }
        List<ScoredPaper> highlights = bySection.get(SectionKey.HIGHLIGHTS);
        for (ScoredPaper s : free) {
            (highlights.size() < settings.highlights() ? highlights : bySection.get(SectionKey.NOTEWORTHY)).add(s);
        }
        Map<ScoredPaper, Integer> rank = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            rank.put(chosen.get(i), i + 1);
        }
        List<Section> sections = new ArrayList<>();
        bySection.forEach((key, papers) -> {
            List<SelectedPaper> explained = papers.stream()
                    .sorted(Comparator.comparing((ScoredPaper s) -> !s.pinned()).thenComparing(Scoring.RANKING))
                    .map(s -> Explanations.explain(s, rank.get(s), week)).toList();
            sections.add(new Section(key, explained));
        });
        return sections;
    }
}
