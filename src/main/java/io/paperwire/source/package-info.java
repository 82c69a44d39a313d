/**
 * The source stage: fetches the week's papers from the arXiv API and Hugging Face Daily Papers, parses the real wire
 * formats leniently (a bad entry is skipped and reported with its position; a bad response fails with the source and
 * URL), and merges everything into one {@link io.paperwire.paper.Paper} per arXiv id.
 *
 * <p>All HTTP goes through {@link io.paperwire.source.HttpFetcher}, so the bundled sample week
 * ({@link io.paperwire.source.SampleFetcher}) travels the same code path as live data.
 */
package io.paperwire.source;
