package io.paperwire.summarize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1 and ROUGE-L F-measures (Lin 2004) with the simple tokenisation of Google's {@code rouge_score}: lower case,
 * every run of letters or digits one token, no stemming, no stopword removal. No kept Java library on Maven Central
 * computes ROUGE, and these two figures are short enough to keep here.
 */
final class Rouge {

    private Rouge() {}

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Unigram overlap (each token counted at most as often as it occurs in both), as F1 of precision and recall. */
    static double rouge1F(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        Map<String, Integer> inReference = new HashMap<>();
        r.forEach(t -> inReference.merge(t, 1, Integer::sum));
        int overlap = 0;
        for (String t : c) {
            Integer left = inReference.get(t);
            if (left != null && left > 0) {
                overlap++;
                inReference.put(t, left - 1);
            }
        }
        return f1(overlap, c.size(), r.size());
    }

    /** The longest common subsequence of tokens, as F1 of precision and recall. */
    static double rougeLF(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        return f1(lcs(c, r), c.size(), r.size());
    }

    /** The length of the longest common subsequence of two token lists. */
    static int lcs(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                lcs[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? lcs[i - 1][j - 1] + 1
                        : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        return lcs[a.size()][b.size()];
    }

    private static double f1(int overlap, int candidateLength, int referenceLength) {
        if (overlap == 0) {
            return 0;
        }
        double precision = (double) overlap / candidateLength;
        double recall = (double) overlap / referenceLength;
        return 2 * precision * recall / (precision + recall);
    }
}
