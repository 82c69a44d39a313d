package io.paperwire.testing;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Signals;
import io.paperwire.paper.Summary;
import io.paperwire.paper.Week;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds published issues directly (no sources, no selection) for archive and render tests and benchmarks: plausible
 * generated ones, and a hostile paper whose text tries every way into the output.
 */
public final class FakeIssues {

    /** Markup, FreeMarker expressions and a class instantiation, all of which must come out as plain text. */
    public static final String HOSTILE_TITLE =
            "<script>alert(1)</script> ${7*7} \"freemarker.template.utility.Execute\"?new() Zebrafish Attention";
    public static final String HOSTILE_ABSTRACT = "We inject <img src=x onerror=alert(2)> and ${7*7} and "
            + "<#assign x=\"freemarker.template.utility.Execute\"?new()>${x(\"id\")} into every field.";
    public static final String HOSTILE_URL = "javascript:alert(3)";
    public static final String HOSTILE_ID = "2405.99999";

    private FakeIssues() {}

    /** {@code count} consecutive weekly issues ending with {@code lastWeek}, oldest first, {@code perIssue} papers each. */
    public static List<Issue> generated(Week lastWeek, int count, int perIssue) {
        List<Issue> issues = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            Week week = Week.containing(lastWeek.monday().minusWeeks(i));
            issues.add(issue(week, perIssue, List.of()));
        }
        return issues;
    }

    /** One issue of {@code week} with {@code perIssue} generated papers, followed by {@code extra} in "Highlights". */
    public static Issue issue(Week week, int perIssue, List<SelectedPaper> extra) {
        List<SelectedPaper> highlights = new ArrayList<>(extra);
        List<SelectedPaper> noteworthy = new ArrayList<>();
        int half = perIssue / 2;
        for (int n = 0; n < perIssue; n++) {
            SelectedPaper p = paper(week, n);
            (n < half ? highlights : noteworthy).add(p);
        }
        return new Issue(week, 1, "Paperwire " + week, week.monday().plusWeeks(1).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC), List.of(
                new Section(SectionKey.HIGHLIGHTS, highlights),
                new Section(SectionKey.NOTEWORTHY, noteworthy)));
    }

    public static SelectedPaper paper(Week week, int n) {
        String id = String.format("%02d%02d.%05d", week.monday().getYear() % 100, week.monday().getMonthValue(),
                10000 + week.number() * 100 + n);
        String[] topics = {"Sparse Attention", "Reasoning Traces", "Diffusion Sampling", "Agent Benchmarks", "Tokenizers"};
        String topic = topics[n % topics.length];
        Paper paper = new Paper(ArxivId.of(id), 1, topic + " at Scale: Study " + n + " of Week " + week,
                "We study " + topic.toLowerCase() + " in week " + week + ". It works.",
                List.of(Author.named("Ada Lovelace " + n), Author.named("Grace Hopper")),
                n % 2 == 0 ? "cs.LG" : "cs.CL", List.of("cs.LG", "cs.CL"), week.submissionsFrom(), week.submissionsFrom(), "", "", "",
                n < 6 ? new Signals(true, 200 - n * 10, 3, "https://github.com/example/repo" + n, "", "", List.of())
                        : Signals.NONE);
        Summary summary = new Summary("Study " + n + " finds that " + topic.toLowerCase() + " scales well.",
                "A longer summary of study " + n + ": the method, the data and the results, in three sentences. "
                        + "It compares against strong baselines. The gains hold across model sizes.",
                List.of("First point of study " + n, "Second point"), "Only tested on English benchmarks.", "",
                List.of(topic), "extractive", false);
        return new SelectedPaper(paper, 10 - n * 0.1, List.of("rank " + (n + 1), "matches interests: reasoning"), summary);
    }

    /** The paper whose title, abstract, summary and links are all hostile. */
    public static SelectedPaper hostile(Week week) {
        Paper paper = new Paper(ArxivId.of(HOSTILE_ID), 1, HOSTILE_TITLE, HOSTILE_ABSTRACT,
                List.of(Author.named("Mallory <mallory@example.org>")), "cs.LG", List.of("cs.LG"), week.submissionsFrom(),
                week.submissionsFrom(), "", "", "", new Signals(true, 999, 0, HOSTILE_URL, "JaVaScRiPt:alert(4)", "", List.of()));
        Summary summary = new Summary(HOSTILE_TITLE + " in one line.", HOSTILE_ABSTRACT,
                List.of("<b>bold</b> ${7*7}"), "<iframe src=" + HOSTILE_URL + ">", "", List.of("<script>x</script>"),
                "extractive", false);
        return new SelectedPaper(paper, 99, List.of("rank 1"), summary);
    }
}
