package io.paperwire.select;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding model loads in a JVM with a small heap: its 91 MB stay outside the Java heap (read into a byte array,
 * as LangChain4j's own loader does, it needed more than 256 MB and a whole run failed with -Xmx256m).
 */
class MiniLmEmbedderSmallHeapIT {

    @Test
    void theModelLoadsAndEmbedsInA160MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx160m", "-cp", classPath, EmbedOnce.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());

        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("DIMENSIONS 384");
    }

    /** The child JVM: embeds one sentence. */
    public static final class EmbedOnce {
        public static void main(String[] args) {
            List<float[]> vectors = MiniLmEmbedder.shared().embed(List.of("Agents that plan tool calls step by step"));
            System.out.println("DIMENSIONS " + vectors.get(0).length);
            System.exit(0);
        }
    }
}
