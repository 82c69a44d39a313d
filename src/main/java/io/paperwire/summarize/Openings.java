package io.paperwire.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a sentence stand on its own as a TL;DR: an opening that only frames it ("In this paper, we propose X") or
 * links it to the sentence before ("To address this, we", "However, we") is rewritten ("We propose X"), and a sentence
 * that still leans on the one before ("This improves …", "It is …", "Such models …") is refused.
 */
final class Openings {

    /** How an opening was rewritten; each has its unit test. */
    enum Rewrite {
        /** "In this paper, we propose X" → "We propose X"; also "In this work we", "Here, we", "Herein, we". */
        PAPER_FRAME,
        /** "This paper presents X" → "We present X": the paper as subject becomes its authors. */
        PAPER_AS_SUBJECT,
        /**
         * "To address this, we", "To this end, we", "However, we", "Motivated by these findings, we" → "We"; also
         * "We therefore propose", "We then show" → "We propose", "We show".
         */
        LINKING_PHRASE
    }

    /** A sentence whose opening stands alone, with the rewrites that got it there (none when it already did). */
    record Opened(String sentence, List<Rewrite> rewrites) {}

    private static final String SELF = "(?:paper|work|study|article|letter|note|chapter|thesis|report|survey|review"
            + "|position paper|technical report|manuscript|contribution|research|dissertation|project|tutorial)";
    private static final Pattern PAPER_FRAME = Pattern.compile(
            "^(?:(?:In|Within|Through) (?:this|the present|the current) " + SELF + "|Here|Herein)(?:\\s*,\\s*|\\s+(?=(?:we|I)\\b))");
    private static final Pattern PAPER_AS_SUBJECT = Pattern.compile(
            "^(?:This|The present|The current) " + SELF + "\\s+((?:(?:\\w+ly|also|further|then|first|therefore|thus|now)\\s+)?)"
                    + "([a-z]{3,}s)\\b(?:(,? and )([a-z]{3,}s)\\b)?");
    /** "We therefore propose", "We then show": the adverb points back at the sentence before and can go. */
    private static final Pattern LINKING_ADVERB = Pattern.compile(
            "^We (?:therefore|thus|hence|then|also|further|additionally|consequently|accordingly|finally|subsequently|next|now|instead) ");
    private static final String CONNECTIVE = "(?:However|Moreover|Furthermore|Additionally|In addition|Thus|Therefore|Hence"
            + "|Consequently|Accordingly|As a result|As such|Finally|Specifically|In particular|Instead|Nevertheless"
            + "|Nonetheless|Meanwhile|Similarly|Likewise|Importantly|Notably|Crucially|Overall|Then|Next|Further|First"
            + "|Firstly|Second|Secondly|Third|Thirdly|Fourth|Lastly|Ultimately|In summary|In conclusion|To summarize"
            + "|To sum up|Together|Altogether|In response|In turn|In contrast|By contrast|Conversely|On the other hand"
            + "|Beyond (?:this|that)|With this in mind|Against this backdrop|In light of (?:this|these)|For (?:this|these) reasons?"
            + "|To (?:this|that) end|To do (?:so|this)|In doing so|By doing so|In practice|Empirically|Experimentally"
            + "|Theoretically|Technically|Concretely|Practically|Surprisingly|Interestingly|Remarkably|Encouragingly"
            + "|Unfortunately|Fortunately|Also|Still|Besides|Subsequently|Alternatively|Particularly|Building on (?:this|these|that)"
            + "|As (?:a|an|the|our) (?:first|second|third|fourth|final|further|next|additional|last) [\\w-]+)";
    private static final String DEMONSTRATIVE = "(?:this|these|that|those|such|both|it|them)";
    private static final Pattern LINKING_PHRASE = Pattern.compile("^(?:" + CONNECTIVE + "(?:\\s*,\\s*|\\s+(?=we\\b))"
            + "|(?:(?:To|In order to) \\w+|(?:Motivated|Inspired|Driven|Guided|Informed|Encouraged|Prompted) by"
            + "|(?:Building|Based|Relying|Capitalizing|Drawing|Expanding|Elaborating) (?:on|upon)"
            + "|Leveraging|Using|Exploiting|Given|Following|Despite|Through|With|From|Against|Toward|Towards|Along)"
            + " " + DEMONSTRATIVE + "(?:\\s+[\\w-]+){0,5}?\\s*,\\s*(?=(?:we|our|I)\\b))");
    /** First words that point back at the sentence before. */
    private static final Set<String> ANAPHORS = Set.of(
            "This", "These", "That", "Those", "It", "Its", "It's", "They", "Their", "Them", "Such", "Both", "He", "She",
            "However", "Moreover", "Furthermore", "Additionally", "Thus", "Therefore", "Hence", "Consequently",
            "Accordingly", "Finally", "Specifically", "Instead", "Nevertheless", "Nonetheless", "Meanwhile",
            "Similarly", "Likewise", "Then", "Next", "Further", "Also", "Lastly", "Second", "Secondly", "Third",
            "Thirdly", "Fourth", "And", "But", "Or", "So", "Yet", "Here", "Herein", "Hereby", "Besides", "Still",
            "Otherwise", "Again", "Another", "Ultimately", "Conversely", "Alternatively", "Subsequently", "Afterwards",
            "Importantly", "Notably", "Crucially", "Overall", "Particularly");
    /** An opening phrase whose first clause holds a pointer back: "In this paper", "To address these limitations". */
    private static final Pattern POINTS_BACK = Pattern.compile(
            "^(?:In (?:addition|particular|turn|doing so|summary|conclusion)\\b|In contrast\\b(?! to)"
                    + "|As (?:a result|such)\\b|On the other hand\\b|By (?:contrast|doing so)\\b|The (?:former|latter|same|above|aforementioned)\\b"
                    + "|(?:In|To|With|For|From|By|On|Under|Among|Along|Of|Through|Given|Despite|Unlike|Beyond|Based|Building|Motivated"
                    + "|Inspired|Using|Leveraging|Following|After|Before|Against|Across|Within|Compared|Relative|Like|Toward|Towards|At"
                    + "|Driven|Guided|Addressing|Tackling|Exploiting|Combining)\\b[^,;:]{0,60}?\\b(?:this|these|those|such(?! as)|it|them|doing so)\\b)");
    private static final Pattern LEADING_WORD = Pattern.compile("^[\\p{L}\\p{N}']+");

    private Openings() {}

    /** The sentence with its opening made to stand alone, or empty when it cannot be without the sentence before. */
    static Optional<Opened> open(String sentence) {
        String s = sentence.strip();
        List<Rewrite> rewrites = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Matcher subject = PAPER_AS_SUBJECT.matcher(s);
            if (subject.find() && !Set.of("is", "was", "has", "does", "its").contains(subject.group(2))) {
                String second = subject.group(4) == null ? "" : subject.group(3) + baseForm(subject.group(4));
                s = "We " + subject.group(1) + baseForm(subject.group(2)) + second + s.substring(subject.end());
                rewrites.add(Rewrite.PAPER_AS_SUBJECT);
                continue;
            }
            Matcher frame = PAPER_FRAME.matcher(s);
            if (frame.find()) {
                s = capitalised(s.substring(frame.end()));
                rewrites.add(Rewrite.PAPER_FRAME);
                continue;
            }
            Matcher linking = LINKING_PHRASE.matcher(s);
            if (linking.find()) {
                s = capitalised(s.substring(linking.end()));
                rewrites.add(Rewrite.LINKING_PHRASE);
                continue;
            }
            Matcher adverb = LINKING_ADVERB.matcher(s);
            if (adverb.find()) {
                s = "We " + s.substring(adverb.end());
                rewrites.add(Rewrite.LINKING_PHRASE);
                continue;
            }
            break;
        }
        return needsThePrevious(s) ? Optional.empty() : Optional.of(new Opened(s, rewrites));
    }

    /** Whether the sentence opens with a word or phrase that refers to the sentence before it. */
    static boolean needsThePrevious(String sentence) {
        Matcher first = LEADING_WORD.matcher(sentence);
        return first.find() && ANAPHORS.contains(first.group()) || POINTS_BACK.matcher(sentence).find();
    }

    /**
     * Upper-cases the first letter of a sentence whose first word is all lower-case letters ("we" → "We", "a" → "A");
     * a name with its own capitals or digits ("mHC", "word2vec") or math ({@code $k$}) stays as written.
     */
    static String capitalised(String sentence) {
        Matcher first = LEADING_WORD.matcher(sentence);
        if (first.find() && first.group().chars().allMatch(Character::isLowerCase)) {
            return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return sentence;
    }

    /** "presents" → "present", "studies" → "study", "addresses" → "address", "focuses" → "focus". */
    static String baseForm(String verb) {
        if (verb.endsWith("ies")) {
            return verb.substring(0, verb.length() - 3) + "y";
        }
        if (verb.equals("focuses") || verb.matches(".*(?:sses|shes|ches|xes|zes)")) {
            return verb.substring(0, verb.length() - 2);
        }
        return verb.substring(0, verb.length() - 1);
    }
}
