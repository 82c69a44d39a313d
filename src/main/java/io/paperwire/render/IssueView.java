package io.paperwire.render;

import io.paperwire.paper.Issue;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sections of an issue as templates show them: the issue's own sections plus "Trending on Hugging Face", in the
 * order the layout asks for, each with the style it is drawn in.
 *
 * @param style {@code trending} (a ranked list by upvotes), {@code full} (the whole summary) or {@code brief}
 *              (one line per paper)
 */
public record IssueView(SectionKey key, String title, String style, List<SelectedPaper> papers) {

    public IssueView {
        papers = List.copyOf(papers);
    }

    /** The sections to show for this layout; sections without papers are left out. */
    public static List<IssueView> sections(Issue issue, List<SectionKey> order, int trending) {
        List<IssueView> views = new ArrayList<>();
        for (SectionKey key : order) {
            if (key == SectionKey.TRENDING) {
                List<SelectedPaper> top = issue.papers().filter(p -> p.paper().signals().onHuggingFace())
                        .sorted(Comparator.comparingInt((SelectedPaper p) -> p.paper().signals().upvotes()).reversed())
                        .limit(trending).toList();
                views.add(new IssueView(key, key.title(), "trending", top));
            } else {
                issue.sections().stream().filter(s -> s.key() == key).findFirst().ifPresent(s ->
                        views.add(new IssueView(s.key(), s.title(), key == SectionKey.HIGHLIGHTS ? "full" : "brief", s.papers())));
            }
        }
        return views.stream().filter(v -> !v.papers().isEmpty()).toList();
    }

    /** Every section of the issue in its own order, for the archive page (which shows all of them). */
    public static List<IssueView> archiveSections(Issue issue) {
        return sections(issue, issue.sections().stream().map(Section::key).toList(), 0);
    }
}
