package io.paperwire.select;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells two candidates that are the same work: nearly the same title words, or abstracts that mean nearly the same
 * and state the same figures.
 */
final class NearDuplicates {

    static final double TITLE_DUPLICATE = 0.8;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final double abstractSimilarity;

    /** @param abstractSimilarity cosine of the abstracts' embeddings from which they count as the same */
    NearDuplicates(double abstractSimilarity) {
        this.abstractSimilarity = abstractSimilarity;
    }

    /** Why the two are the same work, or empty when they are not. */
    Optional<String> reason(ScoredPaper a, ScoredPaper b) {
        double titles = titleSimilarity(a.paper.title(), b.paper.title());
        if (titles >= TITLE_DUPLICATE) {
            return Optional.of(String.format(Locale.ROOT, "title similarity %.2f", titles));
        }
        if (a.vector != null && b.vector != null && numbers(a.paper.abstractText()).equals(numbers(b.paper.abstractText()))) {
            double abstracts = Embedder.cosine(a.vector, b.vector);
            if (abstracts >= abstractSimilarity) {
                return Optional.of(String.format(Locale.ROOT, "abstract similarity %.2f", abstracts));
            }
        }
        return Optional.empty();
    }

    /**
     * The figures an abstract states. Two versions of the same work report the same results; two studies written from
     * one template (a series, a benchmark suite) read alike to the embedding model but differ here.
     */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    /** Jaccard similarity of the two titles' words (longer than two letters, or with a digit). */
    static double titleSimilarity(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(wa);
        both.retainAll(wb);
        return both.size() / (double) (wa.size() + wb.size() - both.size());
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() > 2 || w.chars().anyMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        return words;
    }
}
