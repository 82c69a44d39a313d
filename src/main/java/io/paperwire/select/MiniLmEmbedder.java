package io.paperwire.select;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

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

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
