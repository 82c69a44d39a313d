package io.paperwire.source;

import io.paperwire.paper.Week;

/** One place papers come from (arXiv API, arXiv RSS, Hugging Face …). */
public interface PaperSource {

    /** The name used in reports and error messages, e.g. {@code arXiv API}. */
    String name();

    /**
     * The week's papers from this source.
     *
     * @throws SourceException naming the source and URL when the source cannot deliver
     */
    SourceResult fetch(Week week);
}
