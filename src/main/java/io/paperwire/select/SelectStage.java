package io.paperwire.select;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Section;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Selection;
import io.paperwire.paper.Week;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scores every candidate, collapses near-duplicates, applies the editor's overrides and fills "Highlights" and
 * "Also noteworthy". The score (0–100) adds four parts, each shown as a reason with its points:
 * <ul>
 *   <li>community, up to {@value #COMMUNITY}: Hugging Face upvotes and comments, on a log scale against the week's best;</li>
 *   <li>profile, up to {@value #PROFILE}: interest keywords, followed categories, followed authors;</li>
 *   <li>meaning, up to {@value #MEANING}: how close the abstract is to the free-text interests (embedded model);</li>
 *   <li>recency, up to {@value #RECENCY}: how late in the week it was submitted.</li>
 * </ul>
 */
public final class SelectStage {

    public static final String HIGHLIGHTS = "highlights";
    public static final String NOTEWORTHY = "noteworthy";

    static final double COMMUNITY = 50;
    static final double PROFILE = 20;
    static final double MEANING = 20;
    static final double RECENCY = 10;
    /** The optional LLM relevance rating moves a paper by at most this many points either way. */
    static final double RATING = 10;
    /** Similarity below this counts as unrelated; at {@code FLOOR + SPAN} and above, as a full match. */
    static final double MEANING_FLOOR = 0.15;
    static final double MEANING_SPAN = 0.45;
    static final double TITLE_DUPLICATE = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(SelectStage.class);

    private final SelectionSettings settings;
    private final InterestProfile profile;
    private final Supplier<Embedder> embedder;
    private final RelevanceRater rater;

    public SelectStage(SelectionSettings settings, Supplier<Embedder> embedder, RelevanceRater rater) {
        this.settings = settings;
        this.profile = new InterestProfile(settings.keywords(), settings.categories(), settings.authors());
        this.embedder = embedder;
        this.rater = rater;
    }

    public SelectStage(SelectionSettings settings, Supplier<Embedder> embedder) {
        this(settings, embedder, RelevanceRater.NONE);
    }

    /** With the embedded all-MiniLM-L6-v2 model, loaded only if the settings ask for a semantic match. */
    public SelectStage(SelectionSettings settings, RelevanceRater rater) {
        this(settings, MiniLmEmbedder::shared, rater);
    }

    /** One candidate with the parts of its score. */
    private static final class Scored {
        final Paper paper;
        final InterestProfile.Match match;
        final double community;
        final double profile;
        final double recency;
        double similarity = Double.NaN;
        float[] vector;
        RelevanceRater.Rating rating;
        final List<String> notes = new ArrayList<>();

        Scored(Paper paper, InterestProfile.Match match, double community, double profile, double recency) {
            this.paper = paper;
            this.match = match;
            this.community = community;
            this.profile = profile;
            this.recency = recency;
        }

        double meaning() {
            return Double.isNaN(similarity) ? 0 : MEANING * clamp((similarity - MEANING_FLOOR) / MEANING_SPAN);
        }

        /** −{@value #RATING} for a rating of 1 to +{@value #RATING} for 10; 0 without a rating. */
        double rated() {
            return rating == null ? 0 : RATING * (rating.score() - 5.5) / 4.5;
        }

        double score() {
            return community + profile + meaning() + recency + rated();
        }
    }

    public Selection select(Candidates candidates) {
        if (candidates.papers().isEmpty()) {
            throw new NoPapersException("no papers for " + candidates.request().week() + ": the sources delivered "
                    + candidates.report().papersPerSource() + ", dropped " + candidates.report().droppedPerReason()
                    + "; nothing is published or sent");
        }
        EditorOverrides overrides = EditorOverrides.read(settings.overrides());
        Week week = candidates.request().week();
        double best = candidates.papers().stream().mapToDouble(SelectStage::communityRaw).max().orElse(0);
        List<Scored> scored = new ArrayList<>();
        for (Paper p : candidates.papers()) {
            if (overrides.of(p.id()).map(o -> o.action() == EditorOverrides.Action.DROP).orElse(false)) {
                LOG.info("{} dropped by the editor ({})", p.id(), settings.overrides());
                continue;
            }
            InterestProfile.Match match = profile.match(p);
            double profilePart = PROFILE * Math.min(1, 0.2 * match.keywords().size()
                    + (match.categories().isEmpty() ? 0 : 0.2) + (match.authors().isEmpty() ? 0 : 0.6));
            scored.add(new Scored(p, match, best == 0 ? 0 : COMMUNITY * communityRaw(p) / best, profilePart,
                    RECENCY * recency(p.published(), week)));
        }
        scored.sort(RANKING);
        embed(scored, overrides);
        scored.sort(RANKING);
        if (settings.llmRatingTop() > 0 && rater != RelevanceRater.NONE) {
            rate(scored.subList(0, Math.min(settings.llmRatingTop(), scored.size())));
            scored.sort(RANKING);
        }

        List<Scored> chosen = choose(scored, overrides);
        return new Selection(candidates.request(), sections(chosen, overrides, week), candidates.report());
    }

    private static final Comparator<Scored> RANKING = Comparator.comparingDouble((Scored s) -> -s.score())
            .thenComparing(s -> s.paper.id());

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

    /** Embeds the interests and the best {@code semanticPool} candidates (and every pinned one). */
    private void embed(List<Scored> ranked, EditorOverrides overrides) {
        if (!settings.semantic() || settings.interests().isEmpty()) {
            return;
        }
        List<Scored> pool = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Scored s = ranked.get(i);
            if (i < settings.semanticPool() || overrides.of(s.paper.id()).isPresent()) {
                pool.add(s);
            }
        }
        List<String> texts = new ArrayList<>();
        texts.add(settings.interests());
        pool.forEach(s -> texts.add(s.paper.title() + ". " + s.paper.abstractText()));
        long start = System.nanoTime();
        List<float[]> vectors = embedder.get().embed(texts);
        for (int i = 0; i < pool.size(); i++) {
            Scored s = pool.get(i);
            s.vector = vectors.get(i + 1);
            s.similarity = Embedder.cosine(vectors.get(0), s.vector);
        }
        LOG.info("Semantic match of {} candidates with the interests in {} ms", pool.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The LLM's relevance rating of the top candidates, four calls at a time. */
    private void rate(List<Scored> top) {
        String interests = settings.interests().isEmpty() ? String.join(", ", settings.keywords()) : settings.interests();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
            for (Scored s : top) {
                calls.add(pool.submit(() -> rater.rate(s.paper, interests).ifPresent(r -> s.rating = r)));
            }
            for (var call : calls) {
                call.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.info("LLM relevance rating incomplete: {}", e.getCause().getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pinned papers first, then the best of the rest, skipping near-duplicates of papers already chosen. */
    private List<Scored> choose(List<Scored> ranked, EditorOverrides overrides) {
        int wanted = settings.highlights() + settings.noteworthy();
        List<Scored> chosen = new ArrayList<>();
        Set<ArxivId> present = new HashSet<>();
        for (Scored s : ranked) {
            present.add(s.paper.id());
            if (overrides.of(s.paper.id()).map(o -> o.action() == EditorOverrides.Action.PIN).orElse(false)) {
                s.notes.add("pinned by the editor");
                chosen.add(s);
            }
        }
        overrides.all().forEach((id, o) -> {
            if (o.action() == EditorOverrides.Action.PIN && !present.contains(id)) {
                LOG.warn("{} is pinned in {} (line {}) but is not among this week's candidates", id,
                        settings.overrides(), o.line());
            }
        });
        for (Scored s : ranked) {
            if (chosen.size() >= Math.max(wanted, countPinned(chosen))) {
                break;
            }
            if (chosen.contains(s)) {
                continue;
            }
            Scored twin = null;
            for (Scored c : chosen) {
                if (duplicateReason(c, s) != null) {
                    twin = c;
                    break;
                }
            }
            if (twin != null) {
                twin.notes.add("also covers near-duplicate " + s.paper.id() + " (" + duplicateReason(twin, s) + ")");
                continue;
            }
            chosen.add(s);
        }
        return chosen;
    }

    private static long countPinned(List<Scored> chosen) {
        return chosen.stream().filter(s -> s.notes.contains("pinned by the editor")).count();
    }

    /**
     * Why two papers are the same work, or null when they are not: nearly the same title words, or abstracts that
     * mean nearly the same and state the same figures.
     */
    private String duplicateReason(Scored a, Scored b) {
        double titles = titleSimilarity(a.paper.title(), b.paper.title());
        if (titles >= TITLE_DUPLICATE) {
            return String.format(Locale.ROOT, "title similarity %.2f", titles);
        }
        if (a.vector != null && b.vector != null && numbers(a.paper.abstractText()).equals(numbers(b.paper.abstractText()))) {
            double abstracts = Embedder.cosine(a.vector, b.vector);
            if (abstracts >= settings.duplicateSimilarity()) {
                return String.format(Locale.ROOT, "abstract similarity %.2f", abstracts);
            }
        }
        return null;
    }

    /**
     * The figures an abstract states. Two versions of the same work report the same results; two studies written from
     * one template (a series, a benchmark suite) read alike to the embedding model but differ here.
     */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        java.util.regex.Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?");

    static double titleSimilarity(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(wa);
        both.retainAll(wb);
        return both.size() / (double) (wa.size() + wb.size() - both.size());
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2 || w.chars().anyMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        return words;
    }

    private List<Section> sections(List<Scored> chosen, EditorOverrides overrides, Week week) {
        Map<String, List<Scored>> bySection = new LinkedHashMap<>();
        bySection.put(HIGHLIGHTS, new ArrayList<>());
        bySection.put(NOTEWORTHY, new ArrayList<>());
        List<Scored> free = new ArrayList<>();
        for (Scored s : chosen) {
            var o = overrides.of(s.paper.id());
            if (o.isPresent() && o.get().action() != EditorOverrides.Action.DROP) {
                if (o.get().action() == EditorOverrides.Action.MOVE) {
                    s.notes.add("moved to " + o.get().section() + " by the editor");
                }
                bySection.get(o.get().section()).add(s);
            } else {
                free.add(s);
            }
        }
        for (Scored s : free) {
            (bySection.get(HIGHLIGHTS).size() < settings.highlights() ? bySection.get(HIGHLIGHTS) : bySection.get(NOTEWORTHY)).add(s);
        }
        Map<Scored, Integer> rank = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            rank.put(chosen.get(i), i + 1);
        }
        List<Section> sections = new ArrayList<>();
        for (var entry : bySection.entrySet()) {
            List<SelectedPaper> papers = entry.getValue().stream()
                    .sorted(Comparator.comparing((Scored s) -> !s.notes.contains("pinned by the editor")).thenComparing(RANKING))
                    .map(s -> explain(s, rank.get(s), week)).toList();
            sections.add(new Section(entry.getKey(), HIGHLIGHTS.equals(entry.getKey()) ? "Highlights" : "Also noteworthy", papers));
        }
        return sections;
    }

    /** The score and, in words with their points, each part of it. */
    private SelectedPaper explain(Scored s, int rank, Week week) {
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

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
