package io.paperwire.select;

import io.paperwire.paper.Paper;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the newsletter cares about: keywords matched as whole words in a paper's title and abstract. */
public final class InterestProfile {

    private final List<Keyword> keywords;

    private record Keyword(String text, Pattern pattern) {}

    public InterestProfile(List<String> keywords) {
        this.keywords = keywords.stream()
                .map(k -> k.strip().toLowerCase(Locale.ROOT))
                .filter(k -> !k.isEmpty())
                .distinct()
                .map(k -> new Keyword(k, Pattern.compile("\\b" + Pattern.quote(k) + "s?\\b", Pattern.CASE_INSENSITIVE)))
                .toList();
    }

    /** The keywords the paper mentions, in profile order. */
    public List<String> matches(Paper paper) {
        String text = paper.title() + "\n" + paper.abstractText();
        return keywords.stream().filter(k -> k.pattern().matcher(text).find()).map(Keyword::text).toList();
    }
}
