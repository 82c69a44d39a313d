package io.paperwire.select;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's in-process all-MiniLM-L6-v2 sentence embeddings: the model ships inside the jar, nothing is
 * downloaded. Loading it takes a second or two, so one instance serves the whole process ({@link #shared()}).
 */
public final class MiniLmEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final EmbeddingModel model;

    private MiniLmEmbedder() {
        long start = System.nanoTime();
        this.model = new AllMiniLmL6V2EmbeddingModel();
        LOG.debug("all-MiniLM-L6-v2 loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static final class Holder {
        static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();
    }

    /** The process-wide instance, loaded on first use. */
    public static MiniLmEmbedder shared() {
        return Holder.INSTANCE;
    }

    /** Vectors of texts seen before (a rerun, the interests): embedding is the expensive part of selection. */
    private final Map<String, float[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    private static final int CACHE_SIZE = 20_000;

    @Override
    public List<float[]> embed(List<String> texts) {
        List<String> missing = texts.stream().map(MiniLmEmbedder::text).distinct().filter(t -> !cache.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            List<Embedding> vectors = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), vectors.get(i).vector());
            }
        }
        return texts.stream().map(t -> {
            float[] v = cache.get(text(t));
            return v != null ? v : model.embed(text(t)).content().vector();
        }).toList();
    }

    private static String text(String t) {
        return t.isBlank() ? "-" : t;
    }
}
