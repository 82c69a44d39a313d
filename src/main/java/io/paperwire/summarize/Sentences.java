package io.paperwire.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits an abstract into sentences the way a reader would: a full stop, question or exclamation mark followed by
 * space and the start of a new sentence ends one, but not the full stop of an abbreviation ("e.g.", "et al.", "vs.",
 * "Fig. 2", "Aug. 10"), of an initial ("James P. Carse"), or one inside inline math ({@code $...$}); decimals,
 * "arXiv:2405.1234" and URLs carry no space after their dots and so never split.
 */
final class Sentences {

    /** Abbreviations after which a full stop never ends the sentence (compared in lower case, without the dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "al", "vs", "cf", "approx", "resp", "viz", "w.r.t", "i.i.d", "a.k.a", "incl",
            "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "inc", "ltd", "corp", "u.s", "ph.d");
    /** Abbreviations that point to a number or label: "Fig. 2", "Eq. (3)", "Sec. IV", "Aug. 10". */
    private static final Set<String> BEFORE_A_NUMBER = Set.of(
            "fig", "figs", "eq", "eqs", "sec", "secs", "sect", "tab", "tabs", "ref", "refs", "vol", "pp", "p", "ch",
            "thm", "def", "alg", "app", "appx", "lem", "prop", "cor", "ex", "no", "nos",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Words that open a new sentence after a single capital letter ("... in Appendix A. We ..."). */
    private static final Set<String> STARTERS = Set.of(
            "We", "The", "This", "These", "That", "Those", "Our", "It", "Its", "In", "A", "An", "To", "For", "On",
            "Finally", "However", "Moreover", "Furthermore", "Thus", "Here", "Experiments", "Results", "They", "As",
            "With", "Using", "By", "Code", "Data", "Overall", "Specifically", "Additionally", "Such", "Both");
    private static final Pattern LOWER_CASE_NAME = Pattern.compile("\\p{Ll}[\\p{L}\\p{N}-]*\\p{Lu}.*");

    private Sentences() {}

    /** The sentences of {@code text} in order, each stripped; an empty text has none. */
    static List<String> of(String text) {
        String s = text.strip();
        boolean[] inMath = mathSpans(s);
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c != '.' && c != '!' && c != '?') || inMath[i]) {
                continue;
            }
            int end = i + 1;
            while (end < s.length() && "\"')]”’".indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            int next = end;
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            if (next == end || next == s.length()) {
                continue;
            }
            if (endsSentence(s, start, i, c, next)) {
                sentences.add(s.substring(start, end).strip());
                start = next;
                i = next - 1;
            }
        }
        String last = s.substring(start).strip();
        if (!last.isEmpty()) {
            sentences.add(last);
        }
        return sentences;
    }

    private static boolean endsSentence(String s, int start, int mark, char c, int next) {
        String following = firstWord(s, next);
        char first = s.charAt(next);
        boolean opensSentence = Character.isUpperCase(first) || Character.isDigit(first) || "(\"“'[$\\".indexOf(first) >= 0
                || LOWER_CASE_NAME.matcher(following).matches();
        if (!opensSentence) {
            return false;
        }
        if (c != '.') {
            return true;
        }
        String before = lastWord(s, start, mark);
        String lower = before.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return false;
        }
        if (BEFORE_A_NUMBER.contains(lower) && (Character.isDigit(first) || first == '(' || isRoman(following))) {
            return false;
        }
        boolean initial = before.length() == 1 && Character.isUpperCase(before.charAt(0));
        return !initial || STARTERS.contains(following) || !Character.isUpperCase(first);
    }

    /** The token right before the full stop at {@code mark}, without leading brackets or quotes. */
    private static String lastWord(String s, int start, int mark) {
        int from = mark;
        while (from > start && !Character.isWhitespace(s.charAt(from - 1)) && "([\"“".indexOf(s.charAt(from - 1)) < 0) {
            from--;
        }
        return s.substring(from, mark);
    }

    private static String firstWord(String s, int from) {
        int to = from;
        while (to < s.length() && !Character.isWhitespace(s.charAt(to)) && ",;:.".indexOf(s.charAt(to)) < 0) {
            to++;
        }
        return s.substring(from, to);
    }

    private static boolean isRoman(String word) {
        return word.matches("[IVX]+");
    }

    /** Marks the characters inside {@code $...$} and {@code $$...$$}; an unmatched {@code $} marks nothing. */
    static boolean[] mathSpans(String s) {
        boolean[] inside = new boolean[s.length()];
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '$' || (i > 0 && s.charAt(i - 1) == '\\')) {
                continue;
            }
            int delimiterEnd = i + 1 < s.length() && s.charAt(i + 1) == '$' ? i + 1 : i;
            if (open < 0) {
                open = i;
            } else {
                for (int j = open; j <= delimiterEnd; j++) {
                    inside[j] = true;
                }
                open = -1;
            }
            i = delimiterEnd;
        }
        return inside;
    }

    /** Whether the sentence ends as a sentence does: a full stop, question or exclamation mark, perhaps quoted. */
    static boolean isWhole(String sentence) {
        return sentence.matches("(?s).*[.!?][\"')\\]”’]*") && !sentence.endsWith("...");
    }

    /** Words as a reader counts them: runs of non-space. */
    static int words(String text) {
        String s = text.strip();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }
}
