/**
 * The summarise stage: a {@link io.paperwire.summarize.Summarizer} writes what the newsletter says about each selected
 * paper, and a cache keyed by (arXiv id + version, model, prompt hash) makes a rerun of the same week free.
 * The embedded default is {@link io.paperwire.summarize.ExtractiveSummarizer}: no network, no model download.
 */
package io.paperwire.summarize;
