package io.paperwire.select;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How close each abstract is in meaning to the editor's free-text interests, by an embedding model. Only the best
 * {@link SelectionSettings#semanticPool()} candidates (and every one the editor named) are embedded: the model costs
 * milliseconds a paper, and a paper far down the ranking cannot climb into the issue on meaning alone.
 */
final class SemanticMatch {

    private static final Logger LOG = LoggerFactory.getLogger(SemanticMatch.class);

    private final SelectionSettings settings;
    private final Supplier<Embedder> embedder;

    SemanticMatch(SelectionSettings settings, Supplier<Embedder> embedder) {
        this.settings = settings;
        this.embedder = embedder;
    }

    /** Sets {@code similarity} and {@code vector} of the ranked candidates in the pool; a no-op when turned off. */
    void embed(List<ScoredPaper> ranked, Predicate<ScoredPaper> alwaysEmbed) {
        if (!settings.semantic() || settings.interests().isEmpty()) {
            return;
        }
        List<ScoredPaper> pool = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            ScoredPaper s = ranked.get(i);
            if (i < settings.semanticPool() || alwaysEmbed.test(s)) {
                pool.add(s);
            }
        }
        List<String> texts = new ArrayList<>();
        texts.add(settings.interests());
        pool.forEach(s -> texts.add(s.paper.title() + ". " + s.paper.abstractText()));
        long start = System.nanoTime();
        List<float[]> vectors = embedder.get().embed(texts);
        for (int i = 0; i < pool.size(); i++) {
            ScoredPaper s = pool.get(i);
            s.vector = vectors.get(i + 1);
            s.similarity = Embedder.cosine(vectors.get(0), s.vector);
        }
        LOG.info("Semantic match of {} candidates with the interests in {} ms", pool.size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
