package io.paperwire.select.personal;

import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A week's candidates ready for ranking many readers against: their unit vectors in one flat array, and indexes from
 * each word of the titles and abstracts, each category and each author to the candidates that have it, so that a
 * reader's keywords cost a few set operations instead of a scan of every abstract. What a keyword matches is cached
 * for the whole pool (many readers follow the same words).
 */
public final class CandidatePool {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final List<Paper> papers;
    private final float[] vectors;
    private final int dimensions;
    private final String[] texts;
    private final Map<String, Postings> words = new HashMap<>();
    private final Map<String, Postings> authorWords = new HashMap<>();
    private final Map<String, BitSet> categories = new HashMap<>();
    private final Map<String, BitSet> authors = new HashMap<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, BitSet> keywordCache = new ConcurrentHashMap<>();
    private final Map<String, float[]> centroidCache = new ConcurrentHashMap<>();

    /**
     * @param vectors one unit vector per paper, in the same order, all of the same length
     */
    public CandidatePool(List<Paper> papers, List<float[]> vectors) {
        if (papers.size() != vectors.size()) {
            throw new IllegalArgumentException(papers.size() + " papers but " + vectors.size() + " vectors");
        }
        this.papers = List.copyOf(papers);
        this.dimensions = vectors.isEmpty() ? 0 : vectors.get(0).length;
        this.vectors = new float[papers.size() * dimensions];
        this.texts = new String[papers.size()];
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            float[] v = vectors.get(i);
            if (v.length != dimensions) {
                throw new IllegalArgumentException(p.id() + " has a vector of " + v.length + " dimensions, not " + dimensions);
            }
            System.arraycopy(v, 0, this.vectors, i * dimensions, dimensions);
            positions.put(p.id().value(), i);
            for (String c : p.categories().isEmpty() ? List.of(p.primaryCategory()) : p.categories()) {
                categories.computeIfAbsent(c, k -> new BitSet()).set(i);
            }
            for (Author a : p.authors()) {
                String name = names.computeIfAbsent(a.name(), CandidatePool::normalName);
                authors.computeIfAbsent(name, k -> new BitSet()).set(i);
                index(authorWords, name, i);
            }
        }
        indexWords();
    }

    /**
     * The word index of the titles and abstracts, built in slices on all cores (the longest part of loading a week)
     * and joined: each slice's postings follow the slice before's, so every word's stay in order.
     */
    private void indexWords() {
        int slices = Math.max(1, Math.min(16, papers.size() / 500));
        List<Map<String, Postings>> parts = java.util.stream.IntStream.range(0, slices).parallel().mapToObj(s -> {
            Map<String, Postings> part = new HashMap<>();
            for (int i = s * papers.size() / slices; i < (s + 1) * papers.size() / slices; i++) {
                Paper p = papers.get(i);
                texts[i] = (p.title() + "\n" + p.abstractText()).toLowerCase(Locale.ROOT);
                index(part, texts[i], i);
            }
            return part;
        }).toList();
        for (Map<String, Postings> part : parts) {
            part.forEach((word, with) -> words.merge(word, with, Postings::append));
        }
    }

    /** Adds each word (a run of letters and digits, as {@link #WORD} matches) of {@code text} to the index. */
    private static void index(Map<String, Postings> index, String text, int position) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                index.computeIfAbsent(text.substring(start, i), w -> new Postings()).add(position);
                start = -1;
            }
        }
    }

    /**
     * The positions of the candidates that have one word, in increasing order: a word's set of candidates is built
     * only when a reader's keyword asks for it. A bit set per word and per slice of the index, sized by position,
     * allocated far more than the positions themselves: building the pool of ten thousand candidates took about
     * 1,060 ms in a fresh JVM with them, 720 ms without.
     */
    private static final class Postings {
        private int[] positions = new int[2];
        private int size;

        void add(int position) {
            if (size > 0 && positions[size - 1] == position) {
                return;
            }
            if (size == positions.length) {
                positions = Arrays.copyOf(positions, size * 2);
            }
            positions[size++] = position;
        }

        Postings append(Postings later) {
            for (int i = 0; i < later.size; i++) {
                add(later.positions[i]);
            }
            return this;
        }

        BitSet bits() {
            BitSet bits = new BitSet();
            for (int i = 0; i < size; i++) {
                bits.set(positions[i]);
            }
            return bits;
        }
    }

    public int size() {
        return papers.size();
    }

    public int dimensions() {
        return dimensions;
    }

    public Paper paper(int position) {
        return papers.get(position);
    }

    public List<Paper> papers() {
        return papers;
    }

    /** The position of a paper by arXiv id, or -1. */
    public int position(String arxivId) {
        return positions.getOrDefault(arxivId, -1);
    }

    float[] vectors() {
        return vectors;
    }

    /** The candidates in this arXiv category (shared: do not modify). */
    BitSet category(String category) {
        return categories.getOrDefault(category, EMPTY);
    }

    /** The candidates by this author, names compared without case and accents (shared: do not modify). */
    BitSet author(String name) {
        return authors.getOrDefault(normalName(name), EMPTY);
    }

    /**
     * The candidates whose title or abstract has the keyword or phrase as whole words (a plural "s" allowed), as
     * {@link io.paperwire.select.InterestProfile} matches them (shared: do not modify).
     */
    BitSet keyword(String keyword) {
        return keywordCache.computeIfAbsent(keyword.strip().toLowerCase(Locale.ROOT), k -> match(k, words, texts));
    }

    /** The candidates a muted keyword hides: in the title, the abstract or an author's name. */
    BitSet muted(String keyword) {
        return keywordCache.computeIfAbsent("\u0000mute\u0000" + keyword.strip().toLowerCase(Locale.ROOT), k -> {
            String word = keyword.strip().toLowerCase(Locale.ROOT);
            BitSet hidden = (BitSet) match(word, words, texts).clone();
            BitSet inNames = match(word, authorWords, null);
            hidden.or(inNames);
            return hidden;
        });
    }

    private static BitSet bits(Postings postings) {
        return postings == null ? new BitSet() : postings.bits();
    }

    private BitSet match(String phrase, Map<String, Postings> index, String[] verifyIn) {
        List<String> parts = new ArrayList<>();
        WORD.matcher(phrase).results().forEach(r -> parts.add(r.group()));
        if (parts.isEmpty()) {
            return EMPTY;
        }
        BitSet found = null;
        for (int w = 0; w < parts.size(); w++) {
            BitSet with = bits(index.get(parts.get(w)));
            if (w == parts.size() - 1) {
                with.or(bits(index.get(parts.get(w) + "s")));
            }
            if (found == null) {
                found = with;
            } else {
                found.and(with);
            }
        }
        if (parts.size() > 1 || !parts.get(0).equals(phrase)) {
            Pattern exact = Pattern.compile("\\b" + Pattern.quote(phrase) + "s?\\b");
            for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
                String text = verifyIn != null ? texts[i] : papers.get(i).authors().stream()
                        .map(a -> normalName(a.name())).reduce("", (a, b) -> a + "\n" + b);
                if (!exact.matcher(text).find()) {
                    found.clear(i);
                }
            }
        }
        return found;
    }

    /**
     * The normalised mean vector of the candidates in {@code members}, cached under {@code key}; null when none.
     */
    float[] centroid(String key, BitSet members) {
        if (members.isEmpty()) {
            return null;
        }
        return centroidCache.computeIfAbsent(key, k -> {
            float[] sum = new float[dimensions];
            for (int i = members.nextSetBit(0); i >= 0; i = members.nextSetBit(i + 1)) {
                int base = i * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    sum[d] += vectors[base + d];
                }
            }
            return Vectors.normalise(sum);
        });
    }

    /** "José  García" and "jose garcia" are the same author. */
    static String normalName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static final BitSet EMPTY = new BitSet();
}
