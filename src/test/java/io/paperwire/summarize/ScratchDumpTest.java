package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@UsesRealRecordings
class ScratchDumpTest {
    @Test
    void dump() throws Exception {
        List<Paper> papers = new ArrayList<>(RealAbstracts.inRecordings(RealFixtures.folder()));
        papers.addAll(RealAbstracts.inSampleWeek());
        StringBuilder out = new StringBuilder();
        ExtractiveSummarizer s = new ExtractiveSummarizer();
        for (Paper p : papers) {
            Summary sum = s.summarize(p, Summarizer.Depth.FULL);
            out.append("=== ").append(p.id()).append(" | ").append(p.title()).append('\n');
            for (String sentence : ExtractiveSummarizer.sentences(p.abstractText())) {
                out.append("  - ").append(sentence).append('\n');
            }
            out.append("  AI: ").append(p.signals().aiSummary()).append('\n');
            out.append("  TLDR: ").append(sum.tldr()).append('\n');
            out.append("  HOW: ").append(ExtractiveSummarizer.tldr(p).map(t -> t.sentences() + " " + t.rewrites() + " " + t.compressions()).orElse("FALLBACK")).append('\n');
            out.append("  SUM: ").append(sum.summary()).append('\n');
        }
        Files.writeString(Path.of(System.getProperty("dump", "/tmp/tldr/dump.txt")), out);
    }
}
