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
 * is Rocchio's: the mean of the centroids of the reader's topics, keywords and authors among this week's candidates,
 * plus {@value #LIKED} × the mean of the papers they liked, minus {@value #DISLIKED} × the mean of those they did not.
 * A candidate is only a pick when it matches one of the reader's interests or, for a reader who liked papers, is
 * close to them in meaning ({@value #CLOSE_TO_LIKED}); a muted keyword, a paper the reader voted on and a paper
 * already in the email never are.
 *
 * <p>The meaning part is one matrix product (readers × candidates × 384): readers go in blocks, and for each
 * candidate the inner loop runs over the block's readers, which the JIT turns into vector instructions. Readers with
 * the same profile and no votes (most readers, who set nothing) are ranked once.
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
    private static final int BLOCK = 64;

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
        Map<Object, List<Pick>> ranked = new ConcurrentHashMap<>();
        int blocks = (unique.size() + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            List<ReaderProfile> block = unique.subList(b * BLOCK, Math.min(unique.size(), (b + 1) * BLOCK));
            rankBlock(pool, block, shown, community, votedOn, ranked);
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

    private void rankBlock(CandidatePool pool, List<ReaderProfile> block, BitSet shown, float[] community,
                           Map<String, float[]> votedOn, Map<Object, List<Pick>> ranked) {
        int n = pool.size();
        int dims = pool.dimensions();
        int width = block.size();
        float[][] profiles = new float[width][];
        float[] transposed = new float[dims * width];
        for (int j = 0; j < width; j++) {
            profiles[j] = profileVector(pool, block.get(j), votedOn);
            if (profiles[j] != null) {
                for (int d = 0; d < dims; d++) {
                    transposed[d * width + j] = profiles[j][d];
                }
            }
        }
        float[] similarity = similarities(pool.vectors(), n, dims, transposed, width);
        float[] scores = new float[n];
        for (int j = 0; j < width; j++) {
            ReaderProfile reader = block.get(j);
            for (int i = 0; i < n; i++) {
                scores[i] = community[i] + MEANING * similarity[i * width + j];
            }
            BitSet eligible = new BitSet(n);
            for (String topic : reader.topics()) {
                add(scores, eligible, pool.category(topic), TOPIC);
            }
            for (String keyword : reader.follows()) {
                add(scores, eligible, pool.keyword(keyword), FOLLOW);
            }
            for (String author : reader.authors()) {
                add(scores, eligible, pool.author(author), AUTHOR);
            }
            boolean likes = reader.votes().stream().anyMatch(v -> v.vote() > 0 && votedOn.containsKey(v.arxivId()));
            if (likes) {
                for (int i = 0; i < n; i++) {
                    if (similarity[i * width + j] >= CLOSE_TO_LIKED) {
                        eligible.set(i);
                    }
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
            ranked.put(reader.rankingKey(), explain(pool, reader, best(scores, eligible, reader.picks()), scores,
                    votedOn));
        }
    }

    /**
     * {@code C · Pᵀ} for one block: for each candidate, the dot product with each reader's profile, laid out
     * candidate-major ({@code [i * width + j]}). Readers without a profile vector have a zero column.
     */
    static float[] similarities(float[] candidates, int n, int dims, float[] transposed, int width) {
        float[] out = new float[n * width];
        float[] row = new float[width];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(row, 0f);
            int base = i * dims;
            for (int d = 0; d < dims; d++) {
                float c = candidates[base + d];
                int col = d * width;
                for (int j = 0; j < width; j++) {
                    row[j] += c * transposed[col + j];
                }
            }
            System.arraycopy(row, 0, out, i * width, width);
        }
        return out;
    }

    private static void add(float[] scores, BitSet eligible, BitSet matching, float weight) {
        for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
            scores[i] += weight;
        }
        eligible.or(matching);
    }

    /** Rocchio: the interests' centroid, towards the liked papers, away from the disliked ones; null if nothing. */
    static float[] profileVector(CandidatePool pool, ReaderProfile reader, Map<String, float[]> votedOn) {
        int dims = pool.dimensions();
        float[] interests = new float[dims];
        boolean any = false;
        for (String topic : reader.topics()) {
            any |= addCentroid(interests, pool.centroid("c:" + topic, pool.category(topic)));
        }
        for (String keyword : reader.follows()) {
            any |= addCentroid(interests, pool.centroid("k:" + keyword.toLowerCase(java.util.Locale.ROOT),
                    pool.keyword(keyword)));
        }
        for (String author : reader.authors()) {
            any |= addCentroid(interests, pool.centroid("a:" + CandidatePool.normalName(author), pool.author(author)));
        }
        float[] profile = any ? Vectors.normalise(interests) : null;
        float[] liked = mean(reader.votes(), votedOn, 1, dims);
        float[] disliked = mean(reader.votes(), votedOn, -1, dims);
        if (profile == null && liked == null) {
            return null;
        }
        float[] q = profile != null ? profile : new float[dims];
        if (liked != null) {
            Vectors.addScaled(q, liked, LIKED);
        }
        if (disliked != null) {
            Vectors.addScaled(q, disliked, -DISLIKED);
        }
        return Vectors.normalise(q);
    }

    private static boolean addCentroid(float[] into, float[] centroid) {
        if (centroid == null) {
            return false;
        }
        Vectors.addScaled(into, centroid, 1);
        return true;
    }

    private static float[] mean(List<ReaderProfile.Vote> votes, Map<String, float[]> vectors, int sign, int dims) {
        float[] sum = new float[dims];
        int count = 0;
        for (ReaderProfile.Vote v : votes) {
            float[] vector = vectors.get(v.arxivId());
            if (v.vote() == sign && vector != null && vector.length == dims) {
                Vectors.addScaled(sum, vector, 1);
                count++;
            }
        }
        return count == 0 ? null : Vectors.normalise(sum);
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
