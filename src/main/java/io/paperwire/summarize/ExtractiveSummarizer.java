package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
public final class ExtractiveSummarizer implements Summarizer {

    static final int MAX_TLDR_WORDS = 30;

    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<=[.!?])(?<!\\b(?:e\\.g|i\\.e|et al|vs|cf|Fig|Eq|approx)\\.)\\s+(?=[A-Z0-9(\"$\\\\])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}-]*|\\p{N}+(?:\\.\\p{N}+)?%?");
    private static final Pattern FIGURE = Pattern.compile("\\d");
    private static final Pattern CONTRIBUTION = Pattern.compile(
            "\\b(we (propose|introduce|present|show|find|demonstrate|develop)|this paper|our (method|approach|model|results))\\b",
            Pattern.CASE_INSENSITIVE);
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
        return "extractive-v2";
    }

    @Override
    public Summary summarize(Paper paper, Depth depth) {
        List<String> sentences = sentences(paper.abstractText());
        if (sentences.isEmpty()) {
            return new Summary(paper.title(), "", List.of(), "", "", List.of(), model(), false);
        }
        double[] scores = score(sentences, paper.title());
        Integer[] byScore = IntStream.range(0, sentences.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        String tldr = shorten(sentences.get(byScore[0]), MAX_TLDR_WORDS);
        if (depth == Depth.TLDR) {
            return new Summary(tldr, "", List.of(), "", "", List.of(), model(), false);
        }
        // The summary goes on from the TL;DR: the next most informative sentences, so a reader never reads one twice.
        // An abstract too short for that keeps its best sentences, even if the TL;DR repeats one.
        int rest = sentences.size() - 1;
        int take = rest >= 4 ? 3 : Math.min(2, rest);
        List<Integer> picked = take > 0 ? new ArrayList<>(List.of(byScore).subList(1, 1 + take))
                : new ArrayList<>(List.of(byScore[0]));
        picked.sort(Comparator.naturalOrder());
        String summary = String.join(" ", picked.stream().map(sentences::get).toList());
        return new Summary(tldr, summary, List.of(), "", "", List.of(), model(), false);
    }

    /** The sentences of a text, split as this summariser splits an abstract (abbreviations kept whole). */
    public static List<String> sentencesOf(String text) {
        return sentences(text);
    }

    static List<String> sentences(String text) {
        List<String> result = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            String sentence = s.strip();
            if (!sentence.isEmpty()) {
                result.add(sentence);
            }
        }
        return result;
    }

    private static double[] score(List<String> sentences, String title) {
        Map<String, Integer> frequency = new HashMap<>();
        List<List<String>> words = sentences.stream().map(ExtractiveSummarizer::contentWords).toList();
        words.forEach(ws -> ws.forEach(w -> frequency.merge(w, 1, Integer::sum)));
        Set<String> titleWords = Set.copyOf(contentWords(title));
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

    static String shorten(String sentence, int maxWords) {
        String[] words = sentence.split("\\s+");
        if (words.length <= maxWords) {
            return sentence;
        }
        String cut = String.join(" ", List.of(words).subList(0, maxWords)).replaceAll("[,;:.]+$", "");
        return cut + "…";
    }
}
