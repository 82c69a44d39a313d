package io.paperwire.paper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One paper as the newsletter knows it, merged across sources by {@link ArxivId}.
 * Title and abstract are untrusted text: they are kept as plain text and escaped wherever they are rendered.
 */
public record Paper(
        ArxivId id,
        int version,
        String title,
        String abstractText,
        List<Author> authors,
        String primaryCategory,
        List<String> categories,
        Instant published,
        Instant updated,
        String comment,
        String journalRef,
        String doi,
        Signals signals) {

    public Paper {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        authors = authors == null ? List.of() : List.copyOf(authors);
        primaryCategory = primaryCategory == null ? "" : primaryCategory;
        categories = categories == null ? List.of() : List.copyOf(categories);
        comment = comment == null ? "" : comment;
        journalRef = journalRef == null ? "" : journalRef;
        doi = doi == null ? "" : doi;
        signals = signals == null ? Signals.NONE : signals;
    }

    public String absUrl() {
        return id.absUrl();
    }

    public String pdfUrl() {
        return id.pdfUrl();
    }

    /** arXiv's HTML version, or empty for papers older than arXiv's HTML ({@link ArxivId#htmlUrl()}). */
    public String htmlUrl() {
        return id.htmlUrl();
    }

    public String huggingFaceUrl() {
        return signals.huggingFaceUrl(id);
    }

    /** The version-qualified id, e.g. {@code 2405.12345v2}; summaries are cached per version. */
    public String versionedId() {
        return version > 0 ? id.value() + "v" + version : id.value();
    }

    public String authorNames() {
        return String.join(", ", authors.stream().map(Author::name).toList());
    }

    public Paper withSignals(Signals newSignals) {
        return new Paper(id, version, title, abstractText, authors, primaryCategory, categories, published, updated,
                comment, journalRef, doi, newSignals);
    }
}
