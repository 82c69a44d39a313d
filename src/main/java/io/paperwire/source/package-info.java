/**
 * The source stage: fetches the week's papers from the arXiv API (or the arXiv RSS announcements, with the listing
 * pages as fallback) and Hugging Face Daily Papers (daily and trending), parses the real wire formats leniently (a bad
 * entry is skipped and reported with its position; a bad response fails its source with the source and URL while the
 * other sources still deliver), and merges everything into one {@link io.paperwire.paper.Paper} per arXiv id
 * ({@link io.paperwire.source.PaperMerger}).
 *
 * <p>All HTTP goes through {@link io.paperwire.source.HttpFetcher}. Live requests pass a disk cache with conditional
 * requests ({@link io.paperwire.source.CachingFetcher}), then pacing and retries
 * ({@link io.paperwire.source.PoliteFetcher}), then the JDK client with a host allow-list and a size cap
 * ({@link io.paperwire.source.JdkHttpFetcher}); the bundled sample week ({@link io.paperwire.source.SampleFetcher})
 * travels the same parsers.
 */
package io.paperwire.source;
