package io.paperwire.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens a sentence that is too long for a TL;DR at its clause boundaries only, never inside a clause: the result
 * is still a whole sentence of the authors' words, with its own full stop. The rules run in order of how little they
 * take away, each only while the sentence is still too long, and the result names the rules applied.
 */
final class TldrCompressor {

    /** A way of shortening; each has its unit test. */
    enum Compression {
        /** Asides in brackets or dashes: "large language models (LLMs)", "[12]", "approaches -- A, B -- offer". */
        PARENTHETICAL,
        /** An enumeration "(i) … (ii) …" with what introduces it: ": (1) …, (2) …" or ", which (i) …, (ii) …". */
        ENUMERATION,
        /** A trailing participle clause: ", achieving …", ", thereby reducing …", ", outperforming …". */
        TRAILING_PARTICIPLE,
        /** A trailing subordinate clause: ", which …", ", while …", ", with …", ", and thus …". */
        TRAILING_CLAUSE,
        /** All after the first independent clause: "A; B." → "A.", "We introduce X: a Y that …" → "We introduce X.". */
        SECOND_CLAUSE,
        /** A leading adverbial clause before "we": "By doing X, we achieve Y." → "We achieve Y.". */
        LEADING_CLAUSE
    }

    /** The shortened sentence and the rules that shortened it, in the order applied (none when it was short enough). */
    record Compressed(String sentence, List<Compression> applied) {}

    /** A compression that would leave fewer words than this is not taken: it would say too little. */
    static final int MIN_WORDS = 6;

    private static final Pattern BRACKET_MARKER = Pattern.compile("(?:i{1,3}|iv|vi{0,3}|ix|x|\\d{1,2}|[a-h])");
    private static final Pattern DASH_ASIDE = Pattern.compile("\\s*(?:--|—)\\s*[^—$]+?\\s*(?:--|—)\\s*");
    private static final Pattern PARTICIPLE = Pattern.compile(
            ",\\s+(?:(?:thereby|thus|hence|while|and|so|ultimately|consequently|further|also|even|all|still|\\w+ly)\\s+){0,2}"
                    + "(?:([a-z]+ing)\\b|(?:[a-z]+ed|built|drawn|known|taken|given|shown|written|grown|made|held)\\s+"
                    + "(?:by|with|from|on|upon|in|to|for|via|using|through|as|at|into|across|over|around)\\b)");
    /** "…, testing has become …": an -ing word followed by a verb is the subject of a new clause, not a participle. */
    private static final Pattern GERUND_SUBJECT = Pattern.compile(
            "\\s+(?:is|are|was|were|has|have|had|can|could|may|might|will|would|should|must|remains|becomes|requires)\\b");
    /** What may introduce an enumeration after a comma: ", which (i) …", ", including (1) …", ", in particular (a) …". */
    private static final Pattern ENUMERATION_INTRO = Pattern.compile(
            "^(?:which|that|including|namely|such as|e\\.g\\.,?|i\\.e\\.,?|where|with|by|through|via|in particular"
                    + "|specifically|notably|for example|for instance|comprising|consisting of|covering)\\b.*",
            Pattern.DOTALL);
    private static final Set<String> NOT_PARTICIPLES = Set.of(
            "thing", "something", "nothing", "anything", "everything", "string", "strings", "spring", "king", "ring",
            "wing", "morning", "evening", "ceiling", "sibling", "bring", "sing");
    private static final Pattern SUBORDINATE = Pattern.compile(
            "(?:,\\s+(?:which|where|whereas|while|with|as|since|because|although|though|but|yet|so that|such that"
                    + "|thereby|without|via|despite|compared (?:to|with)|relative to|especially|particularly|notably"
                    + "|and (?:thus|thereby|hence|so|we|our|it|this|these|they|its|their))\\b|\\s+(?:—|--)\\s+(?!.*(?:—|--))"
                    + "|,?\\s+and (?:then |also |further )?(?:find|show|demonstrate|observe|reveal|propose|introduce|present"
                    + "|release|evaluate|validate|provide|discuss|analy[sz]e|prove|derive|achieve|outperform|obtain|report)s?\\b)");
    /** ", and …" after a kept part with no comma of its own joins a second predicate or clause, not a list's last item. */
    private static final Pattern AND_CLAUSE = Pattern.compile(",\\s+and\\s");
    private static final Pattern LEADING = Pattern.compile(
            "^(?:By|Through|Using|Leveraging|With|Via|Unlike|Compared|Although|Though|While|Whereas|Since|Because|As"
                    + "|When|After|Building|Based|Despite|Given|Instead|Rather|Beyond|Inspired|Motivated|On|In|Across|For"
                    + "|Combining|Applying|Focusing|Starting|Extending|Following|To|Unlike|Going)\\b[^;:]*?,\\s+(?=(?:we|our)\\b)");

    private TldrCompressor() {}

    /** The sentence cut down to at most {@code maxWords} at clause boundaries, or empty when that is not possible. */
    static Optional<Compressed> compress(String sentence, int maxWords) {
        String s = sentence.strip();
        List<Compression> applied = new ArrayList<>();
        for (Compression rule : Compression.values()) {
            if (Sentences.words(s) <= maxWords) {
                break;
            }
            String rewritten = apply(rule, s, maxWords);
            String shorter = ClauseCuts.tidy(rewritten);
            if (!rewritten.equals(s) && Sentences.words(shorter) >= MIN_WORDS && Sentences.isWhole(shorter)) {
                s = shorter;
                applied.add(rule);
            }
        }
        return Sentences.words(s) <= maxWords ? Optional.of(new Compressed(s, applied)) : Optional.empty();
    }

    private static String apply(Compression rule, String s, int maxWords) {
        return switch (rule) {
            case PARENTHETICAL -> withoutAsides(s);
            case ENUMERATION -> withoutEnumeration(s);
            case TRAILING_PARTICIPLE -> withoutTrailing(s, PARTICIPLE, maxWords, true);
            case TRAILING_CLAUSE -> withoutTrailing(s, SUBORDINATE, maxWords, false);
            case SECOND_CLAUSE -> firstClause(s);
            case LEADING_CLAUSE -> withoutLeadingClause(s);
        };
    }

    private static String withoutAsides(String s) {
        boolean[] math = Sentences.mathSpans(s);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int close = (c == '(' || c == '[') && !math[i] && i > 0 ? closing(s, i) : -1;
            if (close > 0 && (c == '[' || !BRACKET_MARKER.matcher(s.substring(i + 1, close)).matches())) {
                while (out.length() > 0 && Character.isWhitespace(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                i = close + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return DASH_ASIDE.matcher(out).replaceAll(" ");
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int closing(String s, int open) {
        char opening = s.charAt(open);
        char close = opening == '(' ? ')' : ']';
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == opening) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String withoutEnumeration(String s) {
        boolean[] top = ClauseCuts.topLevel(s);
        List<Integer> markers = new ArrayList<>();
        Matcher m = ClauseCuts.MARKER.matcher(s);
        while (m.find()) {
            if (top[m.start()]) {
                markers.add(m.start());
            }
        }
        if (markers.size() < 2) {
            return s;
        }
        int first = markers.get(0);
        int before = first - 1;
        while (before >= 0 && Character.isWhitespace(s.charAt(before))) {
            before--;
        }
        if (before > 0 && s.charAt(before) == ':') {
            return ClauseCuts.completeBefore(s, before) && ClauseCuts.standsAlone(s, before) ? ClauseCuts.cutAt(s, before) : s;
        }
        int comma = first;
        for (int tries = 0; tries < 2; tries++) {
            comma = s.lastIndexOf(',', comma - 1);
            while (comma > 0 && !top[comma]) {
                comma = s.lastIndexOf(',', comma - 1);
            }
            if (comma <= 0) {
                break;
            }
            String intro = s.substring(comma + 1, first).strip();
            if (Sentences.words(intro) <= 6 && ENUMERATION_INTRO.matcher(intro).matches() && ClauseCuts.standsAlone(s, comma)) {
                return ClauseCuts.cutAt(s, comma);
            }
        }
        return s;
    }

    /**
     * Cuts at the last boundary that brings the sentence within {@code maxWords}, or at the first one when none
     * does (later rules shorten further).
     */
    private static String withoutTrailing(String s, Pattern boundary, int maxWords, boolean participle) {
        boolean[] top = ClauseCuts.topLevel(s);
        List<Integer> cuts = new ArrayList<>();
        Matcher m = boundary.matcher(s);
        while (m.find()) {
            boolean aParticiple = !participle || m.group(1) == null || !NOT_PARTICIPLES.contains(m.group(1))
                    && !GERUND_SUBJECT.matcher(s).region(m.end(), s.length()).lookingAt();
            if (top[m.start()] && aParticiple && ClauseCuts.standsAlone(s, m.start())) {
                cuts.add(m.start());
            }
        }
        if (!participle) {
            Matcher and = AND_CLAUSE.matcher(s);
            while (and.find()) {
                if (top[and.start()] && !ClauseCuts.hasTopLevelComma(s.substring(0, and.start())) && ClauseCuts.standsAlone(s, and.start())) {
                    cuts.add(and.start());
                }
            }
            cuts.sort(null);
        }
        if (cuts.isEmpty()) {
            return s;
        }
        for (int i = cuts.size() - 1; i >= 0; i--) {
            String cut = ClauseCuts.cutAt(s, cuts.get(i));
            if (Sentences.words(cut) <= maxWords) {
                return cut;
            }
        }
        return ClauseCuts.cutAt(s, cuts.get(0));
    }

    private static String firstClause(String s) {
        boolean[] top = ClauseCuts.topLevel(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == ';' || c == ':') && top[i] && ClauseCuts.standsAlone(s, i)) {
                return ClauseCuts.cutAt(s, i);
            }
        }
        return s;
    }

    private static String withoutLeadingClause(String s) {
        Matcher m = LEADING.matcher(s);
        if (m.find() && ClauseCuts.topLevel(s)[m.end() - 1]) {
            return Openings.capitalised(s.substring(m.end()));
        }
        return s;
    }
}
