package io.paperwire.deliver;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.Signals;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.personal.Pick;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's "For you" section spliced from blocks drawn once per paper reads exactly as the templates draw it for
 * that reader alone: their reasons (escaped in the HTML), their feedback and preferences tokens, in their order.
 */
class ForYouBlocksTest {

    static final String BASE = "https://news.example.org";

    @TempDir
    Path editorFolder;

    final Paper diffusion = paper("2405.00001", "Diffusion <b>policies</b> for $x^2$ robots",
            "We train robots with diffusion. It works & scales.");
    final Paper retrieval = paper("2405.00002", "Retrieval for long contexts", "A retriever. Another sentence.");
    final Function<String, String> adaFeedback = id -> "f7." + id + ".mac";

    @Test
    void aSectionSplicedFromPerPaperBlocksReadsAsTheTemplatesDrawItForTheReader() throws Exception {
        TemplateEngine templates = new TemplateEngine(editorFolder);
        ForYouBlocks blocks = new ForYouBlocks(templates, BASE);
        List<Pick> ada = List.of(new Pick(diffusion, 3, List.of("follows: <script>x</script> & co", "topic: Robotics")),
                new Pick(retrieval, 2, List.of("like 2 papers you liked", "author: Miles O'Brien \"MOB\"")));
        List<Pick> bo = List.of(new Pick(retrieval, 2, List.of("author: Ada Lovelace")));

        ForYouBlocks.Section adaSection = blocks.of(ada, "p7.mac", adaFeedback);
        ForYouBlocks.Section boSection = blocks.of(bo, "p8.mac", id -> "f8." + id + ".mac");

        assertThat(decoded(adaSection.html(), "p7.mac", adaFeedback))
                .isEqualTo(drawnForOneReader(templates, ForYouBlocks.HTML, ada, "p7.mac", adaFeedback))
                .contains("follows: &lt;script&gt;x&lt;/script&gt; &amp; co; topic: Robotics")
                .contains("feedback?token=f7.2405.00001.mac&amp;vote=more")
                .doesNotContain(ForYouBlocks.PICK_START, "%%");
        assertThat(decoded(adaSection.text(), "p7.mac", adaFeedback))
                .isEqualTo(drawnForOneReader(templates, ForYouBlocks.TEXT, ada, "p7.mac", adaFeedback))
                .contains("(follows: <script>x</script> & co; topic: Robotics)")
                .contains("Less like this: " + BASE + "/feedback?token=f7.2405.00002.mac&vote=less");
        assertThat(decoded(boSection.text(), "p8.mac", id -> "f8." + id + ".mac"))
                .isEqualTo(drawnForOneReader(templates, ForYouBlocks.TEXT, bo, "p8.mac", id -> "f8." + id + ".mac"))
                .contains("(author: Ada Lovelace)").doesNotContain("f7.");
    }

    @Test
    void aPapersBlockServesEveryNumberOfReasonsWhenTheTemplatesOnlyJoinThem() throws Exception {
        TemplateEngine templates = new TemplateEngine(editorFolder);
        ForYouBlocks blocks = new ForYouBlocks(templates, BASE);
        List<Pick> ada = List.of(new Pick(diffusion, 3, List.of("follows: diffusion", "topic: Robotics")));
        List<Pick> bo = List.of(new Pick(diffusion, 3, List.of("author: Ada Lovelace")));
        List<Pick> cy = List.of(new Pick(diffusion, 3, List.of()));

        for (List<Pick> reader : List.of(ada, bo, cy)) {
            assertThat(decoded(blocks.of(reader, "p7.mac", adaFeedback).html(), "p7.mac", adaFeedback))
                    .isEqualTo(drawnForOneReader(templates, ForYouBlocks.HTML, reader, "p7.mac", adaFeedback));
            assertThat(decoded(blocks.of(reader, "p7.mac", adaFeedback).text(), "p7.mac", adaFeedback))
                    .isEqualTo(drawnForOneReader(templates, ForYouBlocks.TEXT, reader, "p7.mac", adaFeedback));
        }
        assertThat(blocks.blocksDrawn()).isEqualTo(1);
    }

    @Test
    void anEditorsTemplateThatListsTheReasonsGetsABlockPerNumberOfReasons() throws Exception {
        Files.createDirectories(editorFolder.resolve("email"));
        Files.writeString(editorFolder.resolve("email/for-you.txt.ftl"), "MINE\n<#list picks as pick>${pickStart}"
                + "${pick.paper.title}<#if pick.reasons?size gt 1> (several)</#if><#list pick.reasons as r>\n  - ${r}"
                + "</#list>\n${pickEnd}</#list>${preferencesUrl}\n");
        TemplateEngine templates = new TemplateEngine(editorFolder);
        ForYouBlocks blocks = new ForYouBlocks(templates, BASE);
        List<Pick> ada = List.of(new Pick(diffusion, 3, List.of("follows: diffusion", "topic: Robotics")));
        List<Pick> bo = List.of(new Pick(diffusion, 3, List.of("author: Ada Lovelace")));

        assertThat(decoded(blocks.of(ada, "p7.mac", adaFeedback).text(), "p7.mac", adaFeedback)).isEqualTo(
                "MINE\nDiffusion <b>policies</b> for $x^2$ robots (several)\n  - follows: diffusion\n  - topic: Robotics\n"
                        + BASE + "/preferences?token=p7.mac\n");
        assertThat(decoded(blocks.of(bo, "p7.mac", adaFeedback).text(), "p7.mac", adaFeedback)).isEqualTo(
                "MINE\nDiffusion <b>policies</b> for $x^2$ robots\n  - author: Ada Lovelace\n"
                        + BASE + "/preferences?token=p7.mac\n");
        assertThat(blocks.blocksDrawn()).isEqualTo(2);
    }

    @Test
    void anEditorsTemplateWithoutPickMarksIsDrawnForEachReaderAsWritten() throws Exception {
        Files.createDirectories(editorFolder.resolve("email"));
        Files.writeString(editorFolder.resolve("email/for-you.txt.ftl"),
                "MINE\n<#list picks as pick>${pick?index + 1}. ${pick.paper.title} [${pick.reasons?join(\", \")}]"
                        + " ${pick.moreUrl}\n</#list>${preferencesUrl}\n");
        TemplateEngine templates = new TemplateEngine(editorFolder);
        List<Pick> ada = List.of(new Pick(diffusion, 3, List.of("follows: diffusion")),
                new Pick(retrieval, 2, List.of("topic: Robotics")));

        ForYouBlocks.Section section = new ForYouBlocks(templates, BASE).of(ada, "p7.mac", adaFeedback);

        assertThat(decoded(section.text(), "p7.mac", adaFeedback)).isEqualTo("MINE\n"
                + "1. Diffusion <b>policies</b> for $x^2$ robots [follows: diffusion] " + BASE
                + "/feedback?token=f7.2405.00001.mac&vote=more\n"
                + "2. Retrieval for long contexts [topic: Robotics] " + BASE + "/feedback?token=f7.2405.00002.mac&vote=more\n"
                + BASE + "/preferences?token=p7.mac\n");
    }

    @Test
    void aPicksSnippetIsTheAbstractsFirstSentenceOnOneLineCutToALineOrTwo() {
        assertThat(PickView.snippet(paper("2405.00003", "t", "  We  train\n robots\twith diffusion.  It works.")))
                .isEqualTo("We train robots with diffusion.");
        assertThat(PickView.snippet(paper("2405.00003", "t", "Version 2.5 of a model. Then more.")))
                .isEqualTo("Version 2.5 of a model.");
        assertThat(PickView.snippet(paper("2405.00003", "t", "No full stop at all")))
                .isEqualTo("No full stop at all");
        String long_ = "word ".repeat(100);
        assertThat(PickView.snippet(paper("2405.00003", "t", long_))).hasSize(220).endsWith("…")
                .startsWith("word word");
    }

    @Test
    void aReaderWithoutPicksHasNoSection() throws Exception {
        ForYouBlocks.Section none = new ForYouBlocks(new TemplateEngine(editorFolder), BASE)
                .of(List.of(), "p7.mac", adaFeedback);

        assertThat(decoded(none.html(), "p7.mac", adaFeedback)).isEmpty();
        assertThat(decoded(none.text(), "p7.mac", adaFeedback)).isEmpty();
    }

    /** The section as a message carries it: spliced into a part at its slot, encoded, then decoded as a reader's. */
    private static String decoded(QuotedPrintableTemplate.Splice section, String preferencesToken,
                                  Function<String, String> feedback) throws Exception {
        QuotedPrintableTemplate part = new QuotedPrintableTemplate("[" + RenderedIssue.PERSONAL_TEXT_SLOT + "]",
                RenderedIssue.SLOTS);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        part.writeTo(encoded, true, slot -> switch (slot) {
            case RenderedIssue.PERSONAL_TEXT_SLOT -> section;
            case RenderedIssue.PREFERENCES_TOKEN_SLOT -> preferencesToken;
            default -> feedback.apply(slot.substring(RenderedIssue.FEEDBACK_SLOT_PREFIX.length(), slot.length() - 2));
        });
        for (String line : encoded.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            assertThat(line.length()).as("a quoted-printable line").isLessThanOrEqualTo(76);
        }
        byte[] decoded = MimeUtility.decode(new ByteArrayInputStream(encoded.toByteArray()), "quoted-printable")
                .readAllBytes();
        String text = new String(decoded, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return text.substring(1, text.length() - 1);
    }

    private static String drawnForOneReader(TemplateEngine templates, String template, List<Pick> picks,
                                            String preferencesToken, Function<String, String> feedback) {
        Map<String, Object> model = new HashMap<>();
        model.put("picks", picks.stream().map(p -> {
            String url = BASE + "/feedback?token=" + feedback.apply(p.paper().id().value());
            return new PickView(p.paper(), PickView.authors(p.paper()), p.reasons(),
                    PickView.snippet(p.paper()), url + "&vote=more", url + "&vote=less");
        }).toList());
        model.put("preferencesUrl", BASE + "/preferences?token=" + preferencesToken);
        model.put("pickStart", "");
        model.put("pickEnd", "");
        return templates.render(template, model).replace("\r\n", "\n");
    }

    private static Paper paper(String id, String title, String abstractText) {
        return new Paper(ArxivId.of(id), 1, title, abstractText, List.of(Author.named("Ada Lovelace")), "cs.RO",
                List.of("cs.RO"), null, null, null, null, null,
                new Signals(false, 0, 0, "", "", "", List.of()));
    }
}
