package io.paperwire.select;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of the select stage, checked as a whole; a bad value names its key and how to fix it.
 *
 * @param keywords             words that make a paper interesting (whole words, in title or abstract)
 * @param categories           arXiv categories the newsletter follows
 * @param authors              authors the newsletter follows (full names, case-insensitive)
 * @param interests            free text compared by meaning with each abstract; empty: no semantic match
 * @param semantic             whether to use the embedded embedding model at all
 * @param semanticPool         how many of the best-ranked candidates are embedded (the rest score 0 on meaning)
 * @param duplicateSimilarity  cosine similarity of two abstracts above which they count as the same work
 * @param overrides            the editor's overrides file (pin, drop, move by arXiv id); need not exist
 * @param llmRatingTop         how many of the top candidates the LLM rates for relevance; 0: no LLM rating
 */
public record SelectionSettings(List<String> keywords, List<String> categories, List<String> authors, String interests,
                                int highlights, int noteworthy, boolean semantic, int semanticPool,
                                double duplicateSimilarity, Path overrides, int llmRatingTop) {

    public SelectionSettings {
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
        authors = List.copyOf(authors);
        interests = interests == null ? "" : interests.strip();
    }

    /** Keywords only, no semantic match, no overrides: the simplest profile (tests, embedded defaults). */
    public static SelectionSettings keywords(List<String> keywords, int highlights, int noteworthy) {
        return new SelectionSettings(keywords, List.of(), List.of(), "", highlights, noteworthy, false, 0, 0.93,
                Path.of("no-overrides.properties"), 0);
    }

    public SelectionSettings withInterests(List<String> newCategories, List<String> newAuthors, String newInterests,
                                           boolean newSemantic) {
        return new SelectionSettings(keywords, newCategories, newAuthors, newInterests, highlights, noteworthy,
                newSemantic, semanticPool == 0 ? 300 : semanticPool, duplicateSimilarity, overrides, llmRatingTop);
    }

    public SelectionSettings withLlmRating(int top) {
        return new SelectionSettings(keywords, categories, authors, interests, highlights, noteworthy, semantic,
                semanticPool, duplicateSimilarity, overrides, top);
    }

    public SelectionSettings withOverrides(Path file) {
        return new SelectionSettings(keywords, categories, authors, interests, highlights, noteworthy, semantic,
                semanticPool, duplicateSimilarity, file, llmRatingTop);
    }

    /**
     * @throws PaperwireSettings.InvalidSettingsException listing every bad {@code paperwire.select.*} or
     *                                                    {@code paperwire.interests.*} value
     */
    public static SelectionSettings from(PaperwireSettings settings) {
        return SettingsReader.checked(settings.values(), r -> read(settings, r));
    }

    /** Reads {@code paperwire.select.*} and {@code paperwire.interests.*}, adding every problem to {@code r}. */
    public static SelectionSettings read(PaperwireSettings settings, SettingsReader r) {
        boolean semantic = r.bool("paperwire.select.semantic");
        int pool = r.integer("paperwire.select.semantic-pool", 1, 100_000);
        double similarity = r.decimal("paperwire.select.duplicate-similarity", 0.01, 1);
        List<String> categories = r.list("paperwire.interests.categories");
        for (String c : categories) {
            if (!c.matches("[a-z\\-]+(\\.[A-Za-z\\-]+)?")) {
                r.problem("paperwire.interests.categories", c, "name arXiv categories such as cs.CL or stat.ML");
            }
        }
        String overrides = r.text("paperwire.select.overrides");
        if (overrides.isEmpty()) {
            r.problem("paperwire.select.overrides", overrides, "name the editor's overrides file, e.g. overrides.properties");
        }
        boolean rating = r.bool("paperwire.select.llm-rating");
        int ratingTop = r.integer("paperwire.select.llm-rating-top", 1, 500);
        return new SelectionSettings(settings.interests().keywords(), categories,
                r.commaList("paperwire.interests.authors"), r.text("paperwire.interests.text"),
                settings.interests().highlights(), settings.interests().noteworthy(),
                semantic, pool, similarity, settings.home().resolve(overrides).normalize(), rating ? ratingTop : 0);
    }
}
