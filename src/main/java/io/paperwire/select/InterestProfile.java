package io.paperwire.select;

import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the newsletter cares about, as rules a paper matches: keywords (whole words in title or abstract), followed
 * arXiv categories, and followed authors. The free-text interests are matched by meaning in {@link SemanticMatcher}.
 */
public final class InterestProfile {

    private final List<Keyword> keywords;
    private final Set<String> categories;
    private final Set<String> authors;

    private record Keyword(String text, Pattern pattern) {}

    /** What one paper matches. */
    public record Match(List<String> keywords, List<String> categories, List<String> authors) {
        public boolean isEmpty() {
            return keywords.isEmpty() && categories.isEmpty() && authors.isEmpty();
        }
    }

    public InterestProfile(List<String> keywords) {
        this(keywords, List.of(), List.of());
    }

    public InterestProfile(List<String> keywords, List<String> categories, List<String> authors) {
        this.keywords = keywords.stream()
                .map(k -> k.strip().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty())
                .distinct()
                .map(k -> new Keyword(k, Pattern.compile("\\b" + Pattern.quote(k) + "s?\\b", Pattern.CASE_INSENSITIVE)))
                .toList();
        this.categories = Set.copyOf(categories);
        this.authors = authors.stream().map(InterestProfile::normalName).filter(a -> !a.isEmpty()).collect(Collectors.toSet());
    }

    /** The keywords the paper mentions, in profile order. */
    public List<String> matches(Paper paper) {
        String text = paper.title() + "\n" + paper.abstractText();
        return keywords.stream().filter(k -> k.pattern().matcher(text).find()).map(Keyword::text).toList();
    }

    public Match match(Paper paper) {
        List<String> cats = paper.categories().isEmpty() ? List.of(paper.primaryCategory()) : paper.categories();
        return new Match(matches(paper),
                cats.stream().filter(categories::contains).distinct().toList(),
                paper.authors().stream().map(Author::name).filter(a -> authors.contains(normalName(a))).toList());
    }

    /** "José  García" and "jose garcia" are the same author. */
    static String normalName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
