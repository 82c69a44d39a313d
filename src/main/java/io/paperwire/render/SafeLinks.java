package io.paperwire.render;

import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
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
                issue.sections().stream().map(section -> section.mapPapers(selected -> {
                    Paper p = selected.paper();
                    Signals s = p.signals();
                    Signals safe = new Signals(s.onHuggingFace(), s.upvotes(), s.comments(), httpOnly(s.githubRepo()),
                            httpOnly(s.projectPage()), s.aiSummary(), s.aiKeywords());
                    return new io.paperwire.paper.SelectedPaper(p.withSignals(safe), selected.score(),
                            selected.reasons(), selected.summary());
                })).toList());
    }

}
