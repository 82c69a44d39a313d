package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.source.ArxivAtomParser;
import io.paperwire.source.ArxivRssParser;
import io.paperwire.source.HuggingFaceParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The papers of real recordings and of our sample week, read by the product's own parsers so that the summariser
 * sees each abstract exactly as a run would. Callers of {@link #inRecordings} must carry {@code @UsesRealRecordings}.
 */
final class RealAbstracts {

    private RealAbstracts() {}

    /** Every paper of the arXiv API and RSS recordings and of the Hugging Face daily papers in {@code folder}. */
    static List<Paper> inRecordings(Path folder) {
        return papersIn(folder);
    }

    /** Every paper of our sample week (src/main/resources/sample). */
    static List<Paper> inSampleWeek() {
        return papersIn(Path.of("src/main/resources/sample"));
    }

    private static List<Paper> papersIn(Path folder) {
        List<Paper> papers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                byte[] body = Files.readAllBytes(file);
                if (name.endsWith(".atom.xml") && !name.contains("error")) {
                    papers.addAll(new ArxivAtomParser().parse(body).papers());
                } else if (name.endsWith(".rss.xml")) {
                    new ArxivRssParser().parse(body).items().forEach(item -> papers.add(item.paper()));
                } else if (name.matches("(hf-)?daily-papers-.*\\.json")) {
                    papers.addAll(new HuggingFaceParser().parse(body).papers());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return papers.stream().filter(p -> !p.abstractText().isBlank()).toList();
    }
}
