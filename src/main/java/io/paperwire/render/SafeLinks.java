package io.paperwire.render;

import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Signals;

import java.net.URI;
import java.util.Locale;

/**
 * Drops links that came from a source and are not plain web addresses. Escaping stops markup, but a
 * {@code javascript:} or {@code data:} URL stays dangerous inside an escaped {@code href}; templates receive issues
 * that went through {@link #of(Issue)}, so such a link is never rendered.
 */
public final class SafeLinks {

    private SafeLinks() {}

    /** The URL when it is an absolute http(s) URL with a host, otherwise the empty string. */
    public static String httpOnly(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String candidate = url.strip();
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? candidate : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** The issue with every source-provided link of every paper reduced to http(s) or removed. */
    public static Issue of(Issue issue) {
        return new Issue(issue.week(), issue.edition(), issue.title(), issue.createdAt(),
                issue.sections().stream().map(section -> section.mapPapers(selected -> new SelectedPaper(
                        paper(selected.paper()), selected.score(), selected.reasons(), selected.summary()))).toList());
    }

    /** The roundup with every source-provided link of every paper reduced to http(s) or removed. */
    public static Roundup of(Roundup roundup) {
        return new Roundup(roundup.period(), roundup.edition(), roundup.title(), roundup.createdAt(), roundup.intro(),
                roundup.writtenBy(), roundup.introFallback(), roundup.issueCount(), roundup.entries().stream()
                .map(e -> new RoundupEntry(e.rank(), paper(e.paper()), e.summary(), e.score(), e.reasons(), e.topic(),
                        e.appearances(), e.paragraph(), e.fallback())).toList());
    }

    /** The paper with its code and project links reduced to http(s) or removed. */
    public static Paper paper(Paper p) {
        Signals s = p.signals();
        return p.withSignals(new Signals(s.onHuggingFace(), s.upvotes(), s.comments(), httpOnly(s.githubRepo()),
                httpOnly(s.projectPage()), s.aiSummary(), s.aiKeywords()));
    }

}
