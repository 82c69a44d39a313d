package io.paperwire.roundup;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Summary;
import io.paperwire.select.EditorOverrides;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ranks the papers of a period's weekly issues from what is stored about them, and explains each place as the weekly
 * selection does. A paper's score adds up:
 * <ul>
 *   <li>how readers received it: {@value #UPVOTES} × log10(1 + Hugging Face upvotes) + {@value #COMMENTS} ×
 *       log10(1 + comments), with the signals as last seen (the newest fetch, or the issue's when that is higher);</li>
 *   <li>how the newsletter featured it: {@value #PER_ISSUE} per weekly issue, {@value #PER_HIGHLIGHT} more per issue
 *       that had it among the Highlights;</li>
 *   <li>the editor's weekly pins: {@value #PER_PIN} per week the editor pinned it;</li>
 *   <li>its interest score: up to {@value #INTEREST}, its best weekly selection score as a share of the period's best.</li>
 * </ul>
 * The editor's roundup overrides come last: a {@code drop} never appears, a {@code pin} comes first whatever its score.
 * Each paper appears once, however many issues featured it.
 */
public final class RoundupRanking {

    static final double UPVOTES = 4.0;
    static final double COMMENTS = 1.5;
    static final double PER_ISSUE = 2.0;
    static final double PER_HIGHLIGHT = 1.0;
    static final double PER_PIN = 3.0;
    static final double INTEREST = 4.0;

    /** arXiv categories in words, for the topics of a year's roundup when a paper's summary gives no tag. */
    private static final Map<String, String> CATEGORY_NAMES = Map.ofEntries(
            Map.entry("cs.LG", "Machine learning"), Map.entry("stat.ML", "Machine learning"),
            Map.entry("cs.CL", "Language models and NLP"), Map.entry("cs.CV", "Computer vision"),
            Map.entry("cs.AI", "AI and agents"), Map.entry("cs.RO", "Robotics"), Map.entry("cs.IR", "Retrieval"),
            Map.entry("cs.NE", "Neural and evolutionary computing"), Map.entry("cs.SD", "Audio and speech"),
            Map.entry("eess.AS", "Audio and speech"), Map.entry("cs.CR", "Security and privacy"),
            Map.entry("cs.HC", "Human-computer interaction"), Map.entry("cs.SE", "Software engineering"));

    /** Everything the period's issues say about one paper. */
    private static final class Candidate {
        Paper paper;
        Summary summary;
        double bestWeeklyScore;
        final List<RoundupEntry.Appearance> appearances = new ArrayList<>();
        final List<String> pinnedIn = new ArrayList<>();
        double score;
        final List<String> reasons = new ArrayList<>();
        boolean pinned;
    }

    /**
     * @param issues   the period's weekly issues, oldest first
     * @param lastSeen the papers as last fetched, by id (their Hugging Face signals are the freshest)
     * @param wanted   how many papers the roundup shows (more when the editor pinned more)
     */
    public RankedRoundup rank(RoundupRequest request, List<Issue> issues, Map<ArxivId, Paper> lastSeen,
                              RoundupOverrides overrides, int wanted) {
        Map<ArxivId, Candidate> candidates = collect(issues, lastSeen);
        List<String> notes = new ArrayList<>();
        overrides.all().forEach((id, o) -> {
            if (!candidates.containsKey(id)) {
                notes.add(id + " has a roundup " + o.action().name().toLowerCase(Locale.ROOT) + " (" + o.where()
                        + ") but no weekly issue of " + request.period().label() + " featured it");
            }
        });
        double best = candidates.values().stream().mapToDouble(c -> c.bestWeeklyScore).max().orElse(0);
        List<Candidate> kept = new ArrayList<>();
        for (Map.Entry<ArxivId, Candidate> e : candidates.entrySet()) {
            Candidate c = e.getValue();
            var override = overrides.of(e.getKey());
            if (override.isPresent() && override.get().action() == RoundupOverrides.Action.DROP) {
                continue;
            }
            c.pinned = override.isPresent();
            score(c, best);
            if (c.pinned) {
                c.reasons.add(0, "pinned for this roundup by the editor (" + override.get().where() + ")");
            }
            kept.add(c);
        }
        kept.sort(Comparator.comparing((Candidate c) -> !c.pinned).thenComparing(c -> -c.score)
                .thenComparing(c -> -c.paper.signals().upvotes()).thenComparing(c -> c.paper.id()));
        long pins = kept.stream().filter(c -> c.pinned).count();
        int take = (int) Math.min(kept.size(), Math.max(wanted, pins));
        List<RoundupEntry> entries = new ArrayList<>();
        for (int i = 0; i < take; i++) {
            Candidate c = kept.get(i);
            List<String> reasons = new ArrayList<>();
            reasons.add("rank " + (i + 1) + " of the " + candidates.size() + " papers featured in " + issues.size()
                    + " weekly issues");
            reasons.addAll(c.reasons);
            entries.add(new RoundupEntry(i + 1, c.paper, c.summary, Math.round(c.score * 1000) / 1000.0, reasons,
                    topic(c.paper, c.summary), c.appearances, "", false));
        }
        return new RankedRoundup(request, issues.size(), candidates.size(), entries, notes);
    }

    private static Map<ArxivId, Candidate> collect(List<Issue> issues, Map<ArxivId, Paper> lastSeen) {
        Map<ArxivId, Candidate> candidates = new LinkedHashMap<>();
        for (Issue issue : issues) {
            for (Section section : issue.sections()) {
                for (SelectedPaper selected : section.papers()) {
                    Paper paper = selected.paper();
                    Candidate c = candidates.computeIfAbsent(paper.id(), id -> new Candidate());
                    Paper seen = lastSeen.get(paper.id());
                    c.paper = seen == null ? paper : paper.withSignals(paper.signals().mergedWith(seen.signals())
                            .mergedWith(paper.signals()));
                    if (selected.summary() != null && (c.summary == null || !selected.summary().summary().isEmpty()
                            || c.summary.summary().isEmpty())) {
                        c.summary = selected.summary();
                    }
                    c.bestWeeklyScore = Math.max(c.bestWeeklyScore, selected.score());
                    c.appearances.add(new RoundupEntry.Appearance(issue.slug(), issue.title(), issue.week(), section.key()));
                    if (selected.reasons().contains(EditorOverrides.PINNED_REASON)) {
                        c.pinnedIn.add(issue.week().toString());
                    }
                }
            }
        }
        return candidates;
    }

    private static void score(Candidate c, double bestWeeklyScore) {
        int upvotes = c.paper.signals().upvotes();
        int comments = c.paper.signals().comments();
        double community = UPVOTES * Math.log10(1 + upvotes) + COMMENTS * Math.log10(1 + comments);
        if (c.paper.signals().onHuggingFace()) {
            c.reasons.add(upvotes + " upvotes and " + comments + (comments == 1 ? " comment" : " comments")
                    + " on Hugging Face, as last seen" + points(community));
        } else {
            c.reasons.add("not on Hugging Face Daily Papers" + points(0));
        }
        long highlights = c.appearances.stream().filter(a -> a.section() == SectionKey.HIGHLIGHTS).count();
        double featured = PER_ISSUE * c.appearances.size() + PER_HIGHLIGHT * highlights;
        c.reasons.add("featured in " + c.appearances.size() + (c.appearances.size() == 1 ? " weekly issue: " : " weekly issues: ")
                + String.join(", ", c.appearances.stream().map(a -> a.week() + " (" + a.section().title() + ")").toList())
                + points(featured));
        double pins = PER_PIN * c.pinnedIn.size();
        if (!c.pinnedIn.isEmpty()) {
            c.reasons.add("pinned by the editor in " + String.join(", ", c.pinnedIn) + points(pins));
        }
        double share = bestWeeklyScore > 0 ? Math.max(0, Math.min(1, c.bestWeeklyScore / bestWeeklyScore)) : 0;
        double interest = INTEREST * share;
        c.reasons.add(String.format(Locale.ROOT, "interest score %.3f, %.0f%% of the period's best%s",
                c.bestWeeklyScore, share * 100, points(interest)));
        c.score = community + featured + pins + interest;
    }

    /** A summary's first tag, else the primary arXiv category in words. */
    static String topic(Paper paper, Summary summary) {
        if (summary != null && !summary.tags().isEmpty() && !summary.tags().get(0).isBlank()) {
            String tag = summary.tags().get(0).strip();
            return Character.toUpperCase(tag.charAt(0)) + tag.substring(1);
        }
        String category = paper.primaryCategory();
        return CATEGORY_NAMES.getOrDefault(category, category.isEmpty() ? "Other" : category);
    }

    private static String points(double value) {
        return String.format(Locale.ROOT, " (+%.1f)", value);
    }
}
