package io.paperwire.select;

import io.paperwire.PaperwireSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
        Map<String, String> values = settings.values();
        List<String> problems = new ArrayList<>();
        String semantic = values.getOrDefault("paperwire.select.semantic", "true").strip();
        if (!semantic.equals("true") && !semantic.equals("false")) {
            problems.add(problem("paperwire.select.semantic", semantic, "write true or false"));
        }
        int pool = 300;
        String poolText = values.getOrDefault("paperwire.select.semantic-pool", "300").strip();
        try {
            pool = Integer.parseInt(poolText);
            if (pool < 1 || pool > 100_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            problems.add(problem("paperwire.select.semantic-pool", poolText, "give a whole number from 1 to 100000"));
        }
        double similarity = 0.93;
        String simText = values.getOrDefault("paperwire.select.duplicate-similarity", "0.93").strip();
        try {
            similarity = Double.parseDouble(simText);
            if (!(similarity > 0 && similarity <= 1)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            problems.add(problem("paperwire.select.duplicate-similarity", simText, "give a number above 0 and at most 1, e.g. 0.93"));
        }
        List<String> categories = split(values.getOrDefault("paperwire.interests.categories", ""), "[,\\s]+");
        for (String c : categories) {
            if (!c.matches("[a-z\\-]+(\\.[A-Za-z\\-]+)?")) {
                problems.add(problem("paperwire.interests.categories", c, "name arXiv categories such as cs.CL or stat.ML"));
            }
        }
        String overrides = values.getOrDefault("paperwire.select.overrides", "overrides.properties").strip();
        String rating = values.getOrDefault("paperwire.select.llm-rating", "false").strip();
        if (!rating.equals("true") && !rating.equals("false")) {
            problems.add(problem("paperwire.select.llm-rating", rating, "write true or false"));
        }
        int ratingTop = 30;
        String topText = values.getOrDefault("paperwire.select.llm-rating-top", "30").strip();
        try {
            ratingTop = Integer.parseInt(topText);
            if (ratingTop < 1 || ratingTop > 500) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            problems.add(problem("paperwire.select.llm-rating-top", topText, "give a whole number from 1 to 500"));
        }
        if (!problems.isEmpty()) {
            throw new PaperwireSettings.InvalidSettingsException("Invalid settings:\n  " + String.join("\n  ", problems));
        }
        return new SelectionSettings(settings.interests().keywords(), categories,
                split(values.getOrDefault("paperwire.interests.authors", ""), ","),
                values.getOrDefault("paperwire.interests.text", ""),
                settings.interests().highlights(), settings.interests().noteworthy(),
                semantic.equals("true"), pool, similarity,
                settings.home().resolve(overrides.isEmpty() ? "overrides.properties" : overrides).normalize(),
                rating.equals("true") ? ratingTop : 0);
    }

    private static List<String> split(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String problem(String key, String value, String fix) {
        return key + " = '" + value + "': " + fix + " (in paperwire.properties, "
                + PaperwireSettings.environmentName(key) + " or --set " + key + "=…)";
    }
}
