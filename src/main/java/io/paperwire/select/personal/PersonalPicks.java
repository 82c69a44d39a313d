package io.paperwire.select.personal;

import io.paperwire.paper.Paper;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Ranks all of a week's candidates for every reader at once, in memory, and keeps each reader's best few.
 *
 * <p>A candidate's score for a reader adds: {@value #TOPIC} per followed category it is in, {@value #FOLLOW} per
 * followed keyword it mentions, {@value #AUTHOR} per followed author, up to {@value #COMMUNITY} for its Hugging Face
 * votes, and {@value #MEANING} × the cosine between its vector and the reader's profile vector. The profile vector
 * is Rocchio's: the unit centroid of the reader's topics among this week's candidates, plus {@value #LIKED} × the
 * unit mean of the papers they liked, minus {@value #DISLIKED} × that of the papers they did not. A candidate is only
 * a pick when it matches one of the reader's interests or is close in meaning (cosine {@value #CLOSE_TO_LIKED} or
 * more) to a paper they liked; a muted keyword, a paper the reader voted on and a paper already in the email never
 * are.
 *
 * <p>Followed keywords and authors count through their exact matches, not through the profile vector: then every
 * profile vector is a weighted sum of a few vectors many readers share (a category's centroid, a paper of last week's
 * email that readers voted on), so each of those is compared with every candidate once ({@link SharedCosines}: one
 * matrix product of candidates × shared vectors), and a reader's cosine with a candidate costs a few multiplications
 * instead of 384, for the candidates that can be picks only. Readers with the same profile and no votes (most
 * readers, who set nothing) are ranked once.
 */
public final class PersonalPicks {

    static final float TOPIC = 1.0f;
    static final float FOLLOW = 1.5f;
    static final float AUTHOR = 2.0f;
    static final float COMMUNITY = 0.5f;
    static final float MEANING = 4.0f;
    static final float LIKED = 1.0f;
    static final float DISLIKED = 0.25f;
    static final float CLOSE_TO_LIKED = 0.35f;
    /** A liked paper this close to a pick counts in "like 2 papers you liked". */
    static final float LIKE_EXPLAINED = 0.5f;

    /** The picks of one reader, best first (empty when nothing fits). */
    public record ReaderPicks(long readerId, List<Pick> picks) {}

    /**
     * @param inEmail  arXiv ids the email already shows (never picked again)
     * @param votedOn  the vectors of papers readers voted on, by arXiv id (from earlier weeks too); missing ones
     *                 still exclude the paper but do not move the profile
     * @return each reader's picks, in the order of {@code readers}
     */
    public List<ReaderPicks> rank(CandidatePool pool, List<ReaderProfile> readers, Set<String> inEmail,
                                  Map<String, float[]> votedOn) {
        BitSet shown = new BitSet();
        inEmail.forEach(id -> {
            int at = pool.position(id);
            if (at >= 0) {
                shown.set(at);
            }
        });
        float[] community = community(pool);
        Map<Object, ReaderProfile> distinct = new HashMap<>();
        for (ReaderProfile r : readers) {
            if (r.picks() > 0) {
                distinct.putIfAbsent(r.rankingKey(), r);
            }
        }
        List<ReaderProfile> unique = new ArrayList<>(distinct.values());
        SharedCosines shared = SharedCosines.of(pool, unique, votedOn);
        Map<Object, List<Pick>> ranked = new ConcurrentHashMap<>();
        int chunk = Math.max(1, unique.size() / 64);
        IntStream.range(0, (unique.size() + chunk - 1) / chunk).parallel().forEach(c -> {
            float[] scores = new float[pool.size()];
            for (ReaderProfile reader : unique.subList(c * chunk, Math.min(unique.size(), (c + 1) * chunk))) {
                ranked.put(reader.rankingKey(), rankOne(pool, reader, shown, community, shared, votedOn, scores));
            }
        });
        List<ReaderPicks> result = new ArrayList<>(readers.size());
        for (ReaderProfile r : readers) {
            result.add(new ReaderPicks(r.readerId(), r.picks() > 0 ? ranked.get(r.rankingKey()) : List.of()));
        }
        return result;
    }

    private static float[] community(CandidatePool pool) {
        float[] prior = new float[pool.size()];
        double best = 0;
        for (Paper p : pool.papers()) {
            best = Math.max(best, Math.log1p(p.signals().upvotes()));
        }
        for (int i = 0; i < prior.length && best > 0; i++) {
            prior[i] = (float) (COMMUNITY * Math.log1p(pool.paper(i).signals().upvotes()) / best);
        }
        return prior;
    }

    /**
     * One reader: the candidates that match an interest or are close to a paper they liked, less the muted, the
     * voted-on and those in the email, scored by the rules, the community prior and the cosine with the profile
     * vector (a weighted sum of shared cosines, computed for these candidates only).
     */
    private List<Pick> rankOne(CandidatePool pool, ReaderProfile reader, BitSet shown, float[] community,
                               SharedCosines shared, Map<String, float[]> votedOn, float[] scores) {
        BitSet eligible = new BitSet(pool.size());
        for (String topic : reader.topics()) {
            add(scores, eligible, pool.category(topic), TOPIC);
        }
        for (String keyword : reader.follows()) {
            add(scores, eligible, pool.keyword(keyword), FOLLOW);
        }
        for (String author : reader.authors()) {
            add(scores, eligible, pool.author(author), AUTHOR);
        }
        for (ReaderProfile.Vote v : reader.votes()) {
            Integer b = shared.index().get("p:" + v.arxivId());
            if (v.vote() > 0 && b != null) {
                eligible.or(shared.near()[b]);
            }
        }
        eligible.andNot(shown);
        for (String mute : reader.mutes()) {
            eligible.andNot(pool.muted(mute));
        }
        for (ReaderProfile.Vote v : reader.votes()) {
            int at = pool.position(v.arxivId());
            if (at >= 0) {
                eligible.clear(at);
            }
        }
        Map<Integer, Float> weights = profileWeights(pool, reader, shared);
        int[] bases = new int[weights.size()];
        float[] w = new float[weights.size()];
        int k = 0;
        for (Map.Entry<Integer, Float> e : weights.entrySet()) {
            bases[k] = e.getKey();
            w[k++] = e.getValue();
        }
        float[][] cosines = shared.cosines();
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            float meaning = 0;
            for (int b = 0; b < bases.length; b++) {
                meaning += w[b] * cosines[bases[b]][i];
            }
            scores[i] += community[i] + MEANING * meaning;
        }
        List<Pick> picks = explain(pool, reader, best(scores, eligible, reader.picks()), scores, votedOn);
        java.util.Arrays.fill(scores, 0f);
        return picks;
    }

    /**
     * The reader's Rocchio profile vector as weights of shared vectors (its cosine with a candidate is the weighted
     * sum of theirs); empty when the reader has no profile vector.
     */
    static Map<Integer, Float> profileWeights(CandidatePool pool, ReaderProfile reader, SharedCosines shared) {
        int dims = pool.dimensions();
        List<Integer> topics = new ArrayList<>();
        for (String topic : new java.util.LinkedHashSet<>(reader.topics())) {
            Integer b = shared.index().get("c:" + topic);
            if (b != null) {
                topics.add(b);
            }
        }
        List<Integer> liked = new ArrayList<>();
        List<Integer> disliked = new ArrayList<>();
        for (ReaderProfile.Vote v : reader.votes()) {
            Integer b = shared.index().get("p:" + v.arxivId());
            if (b != null) {
                (v.vote() > 0 ? liked : disliked).add(b);
            }
        }
        Map<Integer, Float> weights = new HashMap<>();
        if (topics.isEmpty() && liked.isEmpty()) {
            return weights;
        }
        // q = Σt/|Σt| + LIKED·Σl/|Σl| − DISLIKED·Σd/|Σd|, so q·c = Σ_b w_b (b·c), and |q| from the vectors themselves.
        float[] q = new float[dims];
        addPart(shared, topics, 1f, q, weights, dims);
        addPart(shared, liked, LIKED, q, weights, dims);
        addPart(shared, disliked, -DISLIKED, q, weights, dims);
        double norm = 0;
        for (float x : q) {
            norm += x * x;
        }
        if (norm < 1e-12) {
            weights.clear();
            return weights;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        weights.replaceAll((b, weight) -> weight * scale);
        return weights;
    }

    /** Adds {@code weight} × the unit sum of the given shared vectors to {@code q}, and their weights. */
    private static void addPart(SharedCosines shared, List<Integer> members, float weight, float[] q,
                                Map<Integer, Float> weights, int dims) {
        if (members.isEmpty()) {
            return;
        }
        float[] sum = new float[dims];
        for (int b : members) {
            Vectors.addScaled(sum, shared.vectors()[b], 1);
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        if (norm < 1e-12) {
            return;
        }
        float unit = (float) (weight / Math.sqrt(norm));
        Vectors.addScaled(q, sum, unit);
        for (int b : members) {
            weights.merge(b, unit, Float::sum);
        }
    }

    private static void add(float[] scores, BitSet eligible, BitSet matching, float weight) {
        for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
            scores[i] += weight;
        }
        eligible.or(matching);
    }

    /** The positions of the {@code k} best eligible scores, best first; ties by position (stable). */
    static int[] best(float[] scores, BitSet eligible, int k) {
        int[] top = new int[k];
        int size = 0;
        for (int i = eligible.nextSetBit(0); i >= 0; i = eligible.nextSetBit(i + 1)) {
            if (size == k && scores[i] <= scores[top[k - 1]]) {
                continue;
            }
            int at = size == k ? k - 1 : size++;
            while (at > 0 && scores[top[at - 1]] < scores[i]) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return java.util.Arrays.copyOf(top, size);
    }

    private static List<Pick> explain(CandidatePool pool, ReaderProfile reader, int[] positions, float[] scores,
                                      Map<String, float[]> votedOn) {
        List<Pattern> muted = reader.mutes().stream()
                .map(m -> Pattern.compile("\\b" + Pattern.quote(m.toLowerCase(java.util.Locale.ROOT)) + "s?\\b",
                        Pattern.CASE_INSENSITIVE)).toList();
        List<Pick> picks = new ArrayList<>();
        for (int at : positions) {
            List<String> reasons = new ArrayList<>();
            for (String topic : reader.topics()) {
                if (pool.category(topic).get(at)) {
                    String name = io.paperwire.paper.ArxivCategories.name(topic);
                    reasons.add("topic: " + (muted.stream().anyMatch(m -> m.matcher(name).find()) ? topic : name));
                }
            }
            for (String keyword : reader.follows()) {
                if (pool.keyword(keyword).get(at)) {
                    reasons.add("follows: " + keyword);
                }
            }
            for (String author : reader.authors()) {
                if (pool.author(author).get(at)) {
                    reasons.add("author: " + author);
                }
            }
            int close = 0;
            for (ReaderProfile.Vote v : reader.votes()) {
                float[] liked = votedOn.get(v.arxivId());
                if (v.vote() > 0 && liked != null && liked.length == pool.dimensions()
                        && Vectors.dot(pool.vectors(), at * pool.dimensions(), liked, pool.dimensions()) >= LIKE_EXPLAINED) {
                    close++;
                }
            }
            if (close > 0) {
                reasons.add("like " + close + (close == 1 ? " paper" : " papers") + " you liked");
            }
            if (reasons.isEmpty()) {
                reasons.add("close to papers you liked");
            }
            picks.add(new Pick(pool.paper(at), scores[at], reasons));
        }
        return picks;
    }
}
