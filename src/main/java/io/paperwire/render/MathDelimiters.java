package io.paperwire.render;

import java.util.HashMap;
import java.util.Map;

/**
 * Which dollar signs of a title or abstract delimit inline math, and which are prose ("costs $5 and $10"). Used by
 * {@link MathText}; the archive's {@code templates/site/assets/math.js} pairs dollars by the same rule in the browser
 * before KaTeX typesets them, so the email and the site agree on what is math.
 */
public final class MathDelimiters {

    private MathDelimiters() {
    }

    /**
     * Where the math delimiters of a text are: the position of each opening or closing {@code $} (or {@code $$}) and
     * its length. A {@code $} opens math when the next unescaped {@code $} outside braces closes it and the pair
     * reads as math, not as prose about money: the content is not blank, no digit follows the closer, and the
     * content neither starts nor ends with a space unless it holds TeX (a backslash, ^, _ or a brace). So {@code $O(n)$},
     * {@code $50$ tests} and {@code $ \alpha $} are math, "costs $5 and $10" and "$800 per sample" are not.
     */
    public static Map<Integer, Integer> of(String text) {
        Map<Integer, Integer> delimiters = new HashMap<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c != '$') {
                i++;
                continue;
            }
            int length = text.startsWith("$$", i) ? 2 : 1;
            int close = closingDollar(text, i + length, length);
            if (close >= 0 && readsAsMath(text, i + length, close, close + length)) {
                delimiters.put(i, length);
                delimiters.put(close, length);
                i = close + length;
            } else {
                i += length;
            }
        }
        return delimiters;
    }

    /** The next unescaped {@code $} (or {@code $$}) at brace level 0 from {@code from}, or -1. */
    private static int closingDollar(String text, int from, int length) {
        int level = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '{') {
                level++;
            } else if (c == '}') {
                level--;
            } else if (c == '$' && level <= 0) {
                return length == 1 || text.startsWith("$$", k) ? k : -1;
            }
        }
        return -1;
    }

    private static boolean readsAsMath(String text, int start, int end, int after) {
        String content = text.substring(start, end);
        if (content.isBlank() || (after < text.length() && Character.isDigit(text.charAt(after)))) {
            return false;
        }
        boolean spaced = Character.isWhitespace(content.charAt(0))
                || Character.isWhitespace(content.charAt(content.length() - 1));
        return !spaced || content.chars().anyMatch(ch -> ch == '\\' || ch == '^' || ch == '_' || ch == '{');
    }
}
