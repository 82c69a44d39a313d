package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;
import io.paperwire.testing.RealFixtures;
import io.paperwire.testing.UsesRealRecordings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline TL;DR of every real arXiv and Hugging Face abstract in the recordings, and of every paper of our sample
 * week: whole sentences within the length limit, no opening that needs the sentence before, no word the abstract does
 * not have (beyond the rewritten opening), and not repeated by the summary under it.
 */
class RealAbstractTldrTest {

    /** The openings the issue names, written out here rather than taken from {@link Openings}. */
    private static final Pattern DANGLING = Pattern.compile("^(?:This|These|That|Those|It|Its|They|Their|Such|However"
            + "|Moreover|Furthermore|Additionally|Thus|Therefore|Hence|Consequently|Finally|Specifically|Here"
            + "|In this (?:paper|work|study|article)|To address (?:this|these)|To this end|In addition|As a result)\\b");

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    @Test
    @UsesRealRecordings
    void everyRealAbstractGetsAWholeStandaloneTldr() {
        List<Paper> papers = RealAbstracts.inRecordings(RealFixtures.folder());
        assertThat(papers).as("real abstracts in the recordings").hasSizeGreaterThan(300);

        assertThat(problems(papers)).isEmpty();
    }

    @Test
    void everySampleWeekAbstractGetsAWholeStandaloneTldr() {
        List<Paper> papers = RealAbstracts.inSampleWeek();
        assertThat(papers).as("papers of the sample week").hasSizeGreaterThanOrEqualTo(60);

        assertThat(problems(papers)).isEmpty();
    }

    private List<String> problems(List<Paper> papers) {
        List<String> problems = new ArrayList<>();
        for (Paper paper : papers) {
            Summary summary = summarizer.summarize(paper, Summarizer.Depth.FULL);
            String tldr = summary.tldr();
            String where = paper.id() + " \"" + tldr + "\": ";
            if (tldr.contains("…") || tldr.endsWith("...")) {
                problems.add(where + "cut with an ellipsis");
            }
            if (!Sentences.isWhole(tldr)) {
                problems.add(where + "does not end as a sentence");
            }
            if (DANGLING.matcher(tldr).find()) {
                problems.add(where + "opens with an anaphor");
            }
            if (Sentences.words(tldr) > ExtractiveSummarizer.MAX_TLDR_WORDS) {
                problems.add(where + "longer than " + ExtractiveSummarizer.MAX_TLDR_WORDS + " words");
            }
            List<String> tldrWords = Rouge.tokens(tldr);
            // Every word is the abstract's, in the abstract's order: nothing invented, no word cut. Only the paper
            // as subject becomes its authors: "This paper extends and explains" -> "We extend and explain".
            boolean authorsForPaper = ExtractiveSummarizer.tldr(paper).orElseThrow().rewrites()
                    .contains(Openings.Rewrite.PAPER_AS_SUBJECT);
            int allowedNewWords = authorsForPaper ? 3 : 0;
            if (Rouge.lcs(tldrWords, Rouge.tokens(paper.abstractText())) < tldrWords.size() - allowedNewWords) {
                problems.add(where + "has words the abstract does not have in that order");
            }
            for (String sentence : Sentences.of(summary.summary())) {
                if (Rouge.lcs(tldrWords, Rouge.tokens(sentence)) >= 0.8 * tldrWords.size()) {
                    problems.add(where + "repeated in the summary by \"" + sentence + "\"");
                }
            }
        }
        return problems;
    }
}
