package io.paperwire.summarize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a sentence may be cut without leaving a fragment, and the cutting itself: outside brackets and math, not
 * after a word that needs what follows, not leaving only a lead-in or a lone list item, not cutting away the main
 * clause; the kept part gets the sentence's own end mark.
 */
final class ClauseCuts {

    /** An enumeration marker: "(i)", "(2)", "b)". */
    static final Pattern MARKER = Pattern.compile(
            "(?<=^|[\\s:])\\(?(?:i{1,3}|iv|vi{0,3}|ix|x|\\d{1,2}|[a-h])\\)(?=\\s)");
    /** A kept part that opens like this and has no comma is only the lead-in to the clause that was cut away. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(?:Due to|Although|Though|While|Whereas|Since|Because|If|When|Whenever|Unless|Motivated|Inspired|Driven"
                    + "|By|Through|Using|Given|Despite|In contrast|Unlike|Compared|Based|Building|To|As|In the absence|For"
                    + "|With|After|Before|Once|Following|Besides|Beyond|Instead of|Rather than)\\b");
    /** A clause ending in one of these words needs what follows ("in either: (i) …", "we find: …"): no cut there. */
    private static final Set<String> NEEDS_WHAT_FOLLOWS = Set.of(
            "either", "both", "of", "as", "in", "on", "to", "for", "with", "by", "from", "between", "the", "a", "an",
            "are", "is", "was", "were", "be", "include", "includes", "including", "namely", "follows", "following",
            "into", "that", "which", "and", "or", "how", "whether", "than", "among", "via", "through", "find", "show",
            "observe", "demonstrate", "reveal", "conclude", "argue", "note", "propose", "introduce", "present",
            "contain", "contains", "comprise", "comprises", "offer", "offers", "provide", "provides", "make", "makes",
            "identify", "highlight", "report", "discover", "establish", "prove", "suggest", "indicate");
    /** ", we show …" after the cut: the part cut away holds the sentence's main clause. */
    private static final Pattern MAIN_CLAUSE_AFTER = Pattern.compile(",\\s+(?:we|our|I)\\s");
    /**
     * "…find that a simple schedule, starting at 75% and decaying to 0%, matches …": after an inserted clause the
     * sentence resumes with its verb, so the clause was not trailing.
     */
    private static final Pattern RESUMED_VERB = Pattern.compile(
            ",\\s+(?!(?:and|or|but|as|is|was|has|its|this|thus|plus|less|across|towards|versus|whereas|unless|whose)\\b)"
                    + "[a-z]+[^s\\W]s\\s+(?:the|a|an|its|their|our|both|all|to|with|by|from|on|in|over|up|more|less|only)\\b");

    private ClauseCuts() {}

    /**
     * Whether the sentence cut at {@code index} still says something whole: enough words, not only a lead-in
     * ("Motivated by X, where …, we propose Y" must not become "Motivated by X."), and the main clause not cut away.
     */
    static boolean standsAlone(String s, int index) {
        String kept = s.substring(0, index);
        if (Sentences.words(kept) < TldrCompressor.MIN_WORDS) {
            return false;
        }
        if (LEAD_IN.matcher(kept).find() && !hasTopLevelComma(kept) || !completeBefore(s, index)
                || MARKER.matcher(kept).find()) {
            return false;
        }
        String cutAway = s.substring(index);
        return !MAIN_CLAUSE_AFTER.matcher(cutAway).find() && !RESUMED_VERB.matcher(cutAway).find();
    }

    static boolean hasTopLevelComma(String s) {
        boolean[] top = topLevel(s);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' && top[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the clause before {@code index} is complete without what follows ("we find: …" is not). */
    static boolean completeBefore(String s, int index) {
        String[] words = s.substring(0, index).strip().split("\\s+");
        String last = words[words.length - 1].toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return !NEEDS_WHAT_FOLLOWS.contains(last);
    }

    /** The sentence up to {@code index}, closed with its own end mark. */
    static String cutAt(String s, int index) {
        String kept = s.substring(0, index).replaceAll("[\\s,;:—-]+$", "");
        return kept.endsWith(".") ? kept : kept + endMark(s);
    }

    private static char endMark(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                return c;
            }
        }
        return '.';
    }

    /** Which characters stand outside brackets and math. */
    static boolean[] topLevel(String s) {
        boolean[] math = Sentences.mathSpans(s);
        boolean[] top = new boolean[s.length()];
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            top[i] = depth == 0 && !math[i];
            if (!math[i] && (c == '(' || c == '[')) {
                depth++;
            } else if (!math[i] && (c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return top;
    }

    static String tidy(String s) {
        return s.replaceAll("\\s+([,.;:!?])", "$1").replaceAll(",{2,}", ",").replaceAll("(?<!\\.)\\.\\.(?!\\.)", ".")
                .replaceAll("\\s{2,}", " ").strip();
    }
}
