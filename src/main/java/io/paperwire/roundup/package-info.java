/**
 * Roundups: the best papers of a month, quarter or year of weekly issues, ranked from what is stored about them,
 * written up (by the configured LLM, checked by code, or composed from the stored summaries), published to the archive
 * and mailed. The stage sits above {@code deliver}: it collects from the archive's stored issues, writes with the
 * summarise stage's LLM machinery and checks, renders with the render stage's templates, publishes through the
 * archive's site builder and sends through the deliver stage. {@link io.paperwire.roundup.RoundupStage} holds the steps
 * of {@code routes/roundup.camel.yaml}: collect → rank → write → render → publish → deliver.
 */
package io.paperwire.roundup;
