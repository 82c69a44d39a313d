package io.paperwire.source;

import io.paperwire.testing.Bench;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing one full arXiv API page (2000 entries, abstracts of arXiv's typical length): our streaming
 * {@link ArxivAtomParser} against a baseline DOM parse of the same bytes with {@code javax.xml} DocumentBuilder that
 * reads the same core fields. Reports the median time (ms) and the bytes allocated on the parsing thread (MB).
 */
class ArxivParseBenchmark {

    static final int ENTRIES = 2000;
    static final int WARMUP = 8;
    static final int RUNS = 15;
    static final String BASELINE = "DOM parse (javax.xml DocumentBuilder) of the same page";

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static byte[] page() {
        String[] entries = new String[ENTRIES];
        String sentence = "We study how large language models reason over long contexts with $O(n \\log n)$ memory, "
                + "and show on several benchmarks that sparse routing keeps accuracy while halving the cost.\n  ";
        for (int i = 0; i < ENTRIES; i++) {
            String extra = "    <author><name>Bo Example " + i + "</name><arxiv:affiliation>Example University</arxiv:affiliation></author>\n"
                    + "    <author><name>Cy Example</name></author>\n"
                    + "    <arxiv:comment>12 pages, 4 figures</arxiv:comment>\n"
                    + "    <link href=\"https://arxiv.org/abs/2405." + (10000 + i) + "v1\" rel=\"alternate\" type=\"text/html\"/>\n"
                    + "    <link title=\"pdf\" href=\"https://arxiv.org/pdf/2405." + (10000 + i) + "v1\" rel=\"related\" type=\"application/pdf\"/>\n"
                    + "    <category term=\"cs.AI\" scheme=\"http://arxiv.org/schemas/atom\"/>\n";
            entries[i] = SourceKit.entry("2405." + (10000 + i), 1, "Sparse Routing for Long-Context Reasoning, Part " + i,
                    sentence.repeat(6), SourceKit.inWeek(i % 5), extra);
        }
        return SourceKit.utf8(SourceKit.atom(ENTRIES, 0, entries));
    }

    record Measured(List<Double> millis, List<Double> megabytes) {}

    static Measured measure(IntSupplier parse) {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(parse.getAsInt()).isEqualTo(ENTRIES);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> megabytes = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            int parsed = parse.getAsInt();
            long elapsed = System.nanoTime() - start;
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
            assertThat(parsed).isEqualTo(ENTRIES);
            millis.add(elapsed / 1e6);
            megabytes.add(allocated / (1024.0 * 1024.0));
        }
        return new Measured(millis, megabytes);
    }

    static int domParse(byte[] page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(new ByteArrayInputStream(page));
            NodeList entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
            int read = 0;
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String id = entry.getElementsByTagNameNS("*", "id").item(0).getTextContent();
                String title = entry.getElementsByTagNameNS("*", "title").item(0).getTextContent();
                String summary = entry.getElementsByTagNameNS("*", "summary").item(0).getTextContent();
                if (!id.isEmpty() && !title.isEmpty() && !summary.isEmpty()) {
                    read++;
                }
            }
            return read;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parsesA2000EntryPage() {
        byte[] page = page();
        ArxivAtomParser parser = new ArxivAtomParser();

        Measured dom = measure(() -> domParse(page));
        Measured ours = measure(() -> parser.parse(page).papers().size());

        String name = "arxiv-atom-parse " + ENTRIES + " entries (" + page.length / 1024 + " KiB)";
        Bench.report(name + " time", ours.millis(), "ms", BASELINE, Bench.median(dom.millis()));
        Bench.report(name + " alloc", ours.megabytes(), "MB", BASELINE, Bench.median(dom.megabytes()));
        Bench.report("baseline DOM parse time", dom.millis(), "ms", "itself", Bench.median(dom.millis()));
        Bench.report("baseline DOM parse alloc", dom.megabytes(), "MB", "itself", Bench.median(dom.megabytes()));
    }
}
