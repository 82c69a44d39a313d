package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The embedded summariser: picks the most informative sentences of the abstract itself, so it needs no network and
 * can never state anything the authors did not write.
 *
 * <p>A sentence scores by the abstract-wide frequency of its content words (what the abstract is about), by overlap
 * with the title, by concrete figures, and by the phrases with which authors announce their contribution or result.
 * The TL;DR is the best sentence that stands alone in at most {@link #MAX_TLDR_WORDS} words: its opening made to
 * stand alone ({@link Openings}), shortened at clause boundaries where too long ({@link TldrCompressor}), never cut
 * mid-clause; the summary goes on with the next best sentences and never repeats the TL;DR's.
 */
public final class ExtractiveSummarizer implements Summarizer {

    /** A TL;DR has at most this many words; a longer sentence is shortened at clause boundaries or passed over. */
    static final int MAX_TLDR_WORDS = 30;
    /** Shorter sentences ("Method.", "We release the code.") say too little to be a TL;DR. */
    static final int MIN_TLDR_WORDS = 6;
    /** A TL;DR shorter than this takes the next sentence along where both fit in {@link #MAX_TLDR_WORDS}. */
    static final int SHORT_TLDR_WORDS = 12;

    /** "Our findings: (1) …" split from its "(2) …": the sentence holds one item of a list and cannot stand alone. */
    private static final Pattern LONE_LIST_ITEM = Pattern.compile("(?:^|\\s)\\((?:1|i|a)\\)\\s");
    private static final Pattern SECOND_LIST_ITEM = Pattern.compile("(?:^|\\s)\\((?:2|ii|b)\\)\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}-]*|\\p{N}+(?:\\.\\p{N}+)?%?");
    private static final Pattern FIGURE = Pattern.compile("\\d");
    private static final Pattern CONTRIBUTION = Pattern.compile(
            "\\b(we (propose|introduce|present|show|find|demonstrate|develop)|this paper|our (method|approach|model|results))\\b",
            Pattern.CASE_INSENSITIVE);
    /** The sentence that names what the paper brings: "we propose X", "we introduce X". */
    private static final Pattern INTRODUCTION = Pattern.compile(
            "\\bwe (?:\\w+ly )?(propose|introduce|present|develop|design|build|construct|create)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_NAME = Pattern.compile("^\\s*([^:]{2,40}?)\\s*:");
    private static final Pattern RESULT = Pattern.compile(
            "\\b(outperform\\w*|improv\\w*|achiev\\w*|reduc\\w*|state-of-the-art|faster|accuracy|results?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "from", "as", "at",
            "is", "are", "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "we",
            "our", "their", "they", "which", "while", "can", "could", "may", "such", "than", "then", "also", "not",
            "into", "over", "under", "both", "each", "more", "most", "other", "how", "what", "when", "where", "has",
            "have", "had", "do", "does", "via", "using", "based", "paper", "new", "between", "across", "through");

    @Override
    public String model() {
        return "extractive";
    }

    @Override
    public String promptHash() {
        return "extractive-v3";
    }

    @Override
    public Summary summarize(Paper paper, Depth depth) {
        List<String> sentences = sentences(paper.abstractText());
        Integer[] byScore = byScore(sentences, paper.title());
        Optional<Tldr> chosen = tldr(sentences, byScore);
        // Without a sentence that can stand alone as a TL;DR, the title does; the summary still has the abstract's best.
        String tldr = chosen.map(Tldr::text).orElse(paper.title());
        List<Integer> inTldr = chosen.map(Tldr::sentences).orElse(List.of());
        if (depth == Depth.TLDR) {
            return new Summary(tldr, "", List.of(), "", "", List.of(), model(), false);
        }
        // The summary goes on from the TL;DR: the next most informative sentences in the abstract's order, never the
        // TL;DR's own, so a reader never reads one twice.
        int rest = sentences.size() - inTldr.size();
        List<Integer> picked = new ArrayList<>(Arrays.stream(byScore).filter(i -> !inTldr.contains(i))
                .limit(rest >= 4 ? 3 : Math.min(2, rest)).toList());
        picked.sort(Comparator.naturalOrder());
        String summary = String.join(" ", picked.stream().map(sentences::get).toList());
        return new Summary(tldr, summary, List.of(), "", "", List.of(), model(), false);
    }

    /**
     * A TL;DR and how it came about.
     *
     * @param sentences    which sentences of the abstract it is made of: one, or two when the first is short
     * @param rewrites     how its opening was made to stand alone
     * @param compressions how it was shortened to {@link #MAX_TLDR_WORDS}
     */
    record Tldr(String text, List<Integer> sentences, List<Openings.Rewrite> rewrites,
                List<TldrCompressor.Compression> compressions) {}

    /** The TL;DR of a paper, or empty when no sentence of its abstract can be one (then the title stands in). */
    static Optional<Tldr> tldr(Paper paper) {
        List<String> sentences = sentences(paper.abstractText());
        return tldr(sentences, byScore(sentences, paper.title()));
    }

    /**
     * The most informative sentence that can stand alone, whole, within {@link #MAX_TLDR_WORDS}: its opening rewritten
     * where it only frames or links ("In this paper, we …"), shortened at clause boundaries where it is too long; a
     * sentence that needs the one before it, or that cannot be shortened enough, gives way to the next best.
     */
    private static Optional<Tldr> tldr(List<String> sentences, Integer[] byScore) {
        for (int index : byScore) {
            String sentence = sentences.get(index);
            if (!Sentences.isWhole(sentence) || sentence.endsWith("?") || Sentences.words(sentence) < MIN_TLDR_WORDS
                    || LONE_LIST_ITEM.matcher(sentence).find() && !SECOND_LIST_ITEM.matcher(sentence).find()) {
                continue;
            }
            Optional<Openings.Opened> opened = Openings.open(sentence);
            if (opened.isEmpty()) {
                continue;
            }
            Optional<TldrCompressor.Compressed> compressed =
                    TldrCompressor.compress(opened.get().sentence(), MAX_TLDR_WORDS);
            if (compressed.isPresent() && !Openings.needsThePrevious(compressed.get().sentence())) {
                String text = compressed.get().sentence();
                List<Integer> used = new ArrayList<>(List.of(index));
                // A short, whole TL;DR takes the sentence after it along when both fit: that one may lean on it.
                if (compressed.get().applied().isEmpty() && Sentences.words(text) < SHORT_TLDR_WORDS
                        && index + 1 < sentences.size()) {
                    String next = sentences.get(index + 1);
                    if (Sentences.isWhole(next) && Sentences.words(text) + Sentences.words(next) <= MAX_TLDR_WORDS) {
                        text = text + " " + next;
                        used.add(index + 1);
                    }
                }
                return Optional.of(new Tldr(text, used, opened.get().rewrites(), compressed.get().applied()));
            }
        }
        return Optional.empty();
    }

    /** The sentences of a text, split as this summariser splits an abstract (abbreviations kept whole). */
    public static List<String> sentencesOf(String text) {
        return Sentences.of(text);
    }

    static List<String> sentences(String text) {
        return Sentences.of(text);
    }

    private static Integer[] byScore(List<String> sentences, String title) {
        double[] scores = score(sentences, title);
        return IntStream.range(0, sentences.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
    }

    private static double[] score(List<String> sentences, String title) {
        Map<String, Integer> frequency = new HashMap<>();
        List<List<String>> words = sentences.stream().map(ExtractiveSummarizer::contentWords).toList();
        words.forEach(ws -> ws.forEach(w -> frequency.merge(w, 1, Integer::sum)));
        Set<String> titleWords = Set.copyOf(contentWords(title));
        String name = nameIn(title);
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            List<String> ws = words.get(i);
            if (ws.isEmpty()) {
                continue;
            }
            double topical = ws.stream().mapToInt(w -> frequency.get(w) - 1).sum() / Math.sqrt(ws.size());
            long inTitle = ws.stream().distinct().filter(titleWords::contains).count();
            String sentence = sentences.get(i);
            double score = topical + 1.5 * inTitle;
            if (CONTRIBUTION.matcher(sentence).find()) {
                score += 3;
            }
            if (INTRODUCTION.matcher(sentence).find()) {
                score += 5;
            }
            if (!name.isEmpty() && sentence.contains(name)) {
                score += 2;
            }
            if (RESULT.matcher(sentence).find()) {
                score += 1.5;
            }
            if (FIGURE.matcher(sentence).find()) {
                score += 1;
            }
            if (ws.size() < 6) {
                score -= 2;
            }
            scores[i] = score;
        }
        return scores;
    }

    /** The name a title gives its contribution: "HYDRA-X" in "HYDRA-X: Native Unified …", or empty. */
    static String nameIn(String title) {
        Matcher m = TITLE_NAME.matcher(title);
        return m.find() && Sentences.words(m.group(1)) <= 3 ? m.group(1) : "";
    }

    private static List<String> contentWords(String text) {
        List<String> result = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            if (word.length() > 2 && !STOPWORDS.contains(word)) {
                result.add(word.endsWith("s") && word.length() > 4 ? word.substring(0, word.length() - 1) : word);
            }
        }
        return result;
    }
}
