package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.source.HuggingFaceParser;
import io.paperwire.testing.Bench;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How close the offline TL;DRs of the real Hugging Face papers come to Hugging Face's own one-sentence
 * {@code ai_summary} of each, in ROUGE-1 F and ROUGE-L F (median over the papers), against the lead-1 baseline: the
 * abstract's first sentence. Runs only under {@code mvn -Pbench verify}; deterministic, so one run per paper.
 */
@UsesRealRecordings
class TldrRougeBenchmark {

    static final String BASELINE = "lead-1";

    record Scored(String reference, String tldr, String lead1) {}

    static List<Paper> papersWithAiSummary() throws IOException {
        List<Paper> papers = new ArrayList<>();
        try (Stream<Path> files = Files.list(RealFixtures.folder())) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("hf-daily-papers-.*\\.json"))
                    .sorted().toList()) {
                new HuggingFaceParser().parse(Files.readAllBytes(file)).papers().stream()
                        .filter(p -> !p.signals().aiSummary().isBlank())
                        .forEach(papers::add);
            }
        }
        return papers;
    }

    @Test
    void scoresTheOfflineTldrsAgainstHuggingFacesAiSummaries() throws IOException {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer();
        List<Scored> scored = new ArrayList<>();
        for (Paper paper : papersWithAiSummary()) {
            String tldr = summarizer.summarize(paper, Summarizer.Depth.TLDR).tldr();
            String lead1 = ExtractiveSummarizer.sentences(paper.abstractText()).get(0);
            scored.add(new Scored(paper.signals().aiSummary(), tldr, lead1));
        }
        assertThat(scored).as("real papers with an ai_summary").hasSizeGreaterThanOrEqualTo(20);

        report(scored, "rouge1.f", Rouge::rouge1F);
        report(scored, "rougeL.f", Rouge::rougeLF);
        List<Double> tldrWords = scored.stream().map(s -> (double) Rouge.tokens(s.tldr()).size()).toList();
        List<Double> leadWords = scored.stream().map(s -> (double) Rouge.tokens(s.lead1()).size()).toList();
        Bench.report("tldr.words", tldrWords, "words", BASELINE, Bench.median(leadWords));
        System.out.printf(Locale.ROOT, "tldr: %d real papers, %d TL;DRs cut with an ellipsis%n", scored.size(),
                scored.stream().filter(s -> s.tldr().contains("…")).count());
    }

    private static void report(List<Scored> scored, String figure, ToDoubleBiFunction<String, String> rouge) {
        List<Double> tldr = scored.stream().map(s -> rouge.applyAsDouble(s.tldr(), s.reference())).toList();
        List<Double> lead = scored.stream().map(s -> rouge.applyAsDouble(s.lead1(), s.reference())).toList();
        Bench.report("tldr." + figure, tldr, "F", BASELINE, Bench.median(lead));
        Bench.report("lead-1." + figure, lead, "F", "itself", Bench.median(lead));
        System.out.printf(Locale.ROOT, "tldr.%s mean %.3f, lead-1 mean %.3f%n", figure,
                tldr.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                lead.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }
}
