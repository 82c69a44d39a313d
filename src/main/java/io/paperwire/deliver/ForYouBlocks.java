package io.paperwire.deliver;

import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.personal.Pick;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The "For you" sections of one issue, drawn from {@code email/for-you.*} once per picked paper rather than once per
 * reader. Each paper's block is rendered with placeholders for what differs between readers (the reasons shown, the
 * feedback tokens, the preferences token) and encoded quoted-printable once; a reader's section is the head, the
 * blocks of their picks and the foot, spliced into their message with their own values. The templates mark the part
 * drawn once per pick with {@code ${pickStart}} and {@code ${pickEnd}}; a template without them (an editor's own)
 * is drawn once per reader instead, as it is written.
 */
final class ForYouBlocks {

    static final String HTML = "email/for-you.html.ftlh";
    static final String TEXT = "email/for-you.txt.ftl";
    static final String PICK_START = "%%PICK_START%%";
    static final String PICK_END = "%%PICK_END%%";
    private static final String REASON_PREFIX = "%%REASON:";
    private static final Pattern SLOTS = Pattern.compile(RenderedIssue.SLOTS.pattern() + "|%%REASON:\\d{1,2}%%");
    private static final int SNIPPET = 220;

    /** The view of one pick the templates draw. */
    public record PickView(Paper paper, String authors, List<String> reasons, String snippet, String moreUrl,
                           String lessUrl) {}

    /** One paper's block in both parts, for a given number of reasons. */
    private record BlockKey(String arxivId, int reasons) {}

    private record Block(QuotedPrintableTemplate html, QuotedPrintableTemplate text) {}

    /** The section around the blocks, the same for every reader; null when the templates have no pick markers. */
    private record Frame(QuotedPrintableTemplate htmlHead, QuotedPrintableTemplate htmlFoot,
                         QuotedPrintableTemplate textHead, QuotedPrintableTemplate textFoot) {}

    private final Function<Map<String, ?>, String> html;
    private final Function<Map<String, ?>, String> text;
    private final String baseUrl;
    private final Map<BlockKey, Block> blocks = new ConcurrentHashMap<>();
    private volatile Frame frame;
    private volatile boolean perReader;

    ForYouBlocks(TemplateEngine templates, String baseUrl) {
        this.html = templates.loaded(HTML);
        this.text = templates.loaded(TEXT);
        this.baseUrl = baseUrl;
    }

    /** One reader's section in the HTML part and in the text part (nothing when they have no picks). */
    record Section(QuotedPrintableTemplate.Splice html, QuotedPrintableTemplate.Splice text) {
        static final Section NONE = new Section(QuotedPrintableTemplate.NOTHING, QuotedPrintableTemplate.NOTHING);
    }

    /**
     * @param preferencesToken the reader's, for the per-reader fallback (the blocks take it from the message's slot)
     * @param feedbackToken    the reader's feedback token by arXiv id, for the per-reader fallback
     */
    Section of(List<Pick> picks, String preferencesToken, Function<String, String> feedbackToken) {
        if (picks.isEmpty()) {
            return Section.NONE;
        }
        if (!perReader) {
            List<Block> mine = new ArrayList<>(picks.size());
            for (Pick pick : picks) {
                Block block = block(pick);
                if (block == null) {
                    break;
                }
                mine.add(block);
            }
            Frame f = frame;
            if (f != null && mine.size() == picks.size()) {
                return new Section(spliced(f.htmlHead(), mine, picks, true, f.htmlFoot()),
                        spliced(f.textHead(), mine, picks, false, f.textFoot()));
            }
        }
        Map<String, Object> model = model(picks.stream().map(p -> view(p, p.reasons(),
                feedbackUrl(feedbackToken.apply(p.paper().id().value())))).toList(),
                baseUrl + "/preferences?token=" + preferencesToken);
        return new Section(QuotedPrintableTemplate.text(strip(html.apply(model))),
                QuotedPrintableTemplate.text(strip(text.apply(model))));
    }

    /** The head, each pick's block with that pick's reasons, the foot: in one part of the message. */
    private static QuotedPrintableTemplate.Splice spliced(QuotedPrintableTemplate head, List<Block> blocks,
                                                         List<Pick> picks, boolean html, QuotedPrintableTemplate foot) {
        return (out, atLineStart, values) -> {
            boolean at = head.writeTo(out, atLineStart, values);
            for (int i = 0; i < blocks.size(); i++) {
                List<String> reasons = picks.get(i).reasons();
                QuotedPrintableTemplate block = html ? blocks.get(i).html() : blocks.get(i).text();
                at = block.writeTo(out, at, slot -> {
                    if (!slot.startsWith(REASON_PREFIX)) {
                        return values.apply(slot);
                    }
                    int n = Integer.parseInt(slot.substring(REASON_PREFIX.length(), slot.length() - 2));
                    String reason = n < reasons.size() ? reasons.get(n) : "";
                    return html ? MessageFactory.escapeHtml(reason) : reason;
                });
            }
            return foot.writeTo(out, at, values);
        };
    }

    /**
     * The paper's block for this many reasons, drawn on first use (and the frame with the first block); null when
     * the drawing cannot be split at the markers (the templates lack them, or a paper's text holds one).
     */
    private Block block(Pick pick) {
        BlockKey key = new BlockKey(pick.paper().id().value(), pick.reasons().size());
        Block known = blocks.get(key);
        if (known != null) {
            return known;
        }
        // Drawn outside the map: a computeIfAbsent would hold the map's bin, and the table's resizing, while drawing.
        // Two threads may draw the same block at once; the first stored wins, and both are the same.
        Block drawn = draw(pick, key);
        if (drawn == null) {
            return null;
        }
        Block stored = blocks.putIfAbsent(key, drawn);
        return stored != null ? stored : drawn;
    }

    private Block draw(Pick pick, BlockKey key) {
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < key.reasons(); i++) {
            reasons.add(REASON_PREFIX + i + "%%");
        }
        Map<String, Object> model = model(List.of(view(pick, reasons,
                feedbackUrl(RenderedIssue.feedbackSlot(key.arxivId())))),
                baseUrl + "/preferences?token=" + RenderedIssue.PREFERENCES_TOKEN_SLOT);
        String htmlDrawn = this.html.apply(model);
        String textDrawn = this.text.apply(model);
        byte[] html = htmlDrawn.getBytes(StandardCharsets.UTF_8);
        byte[] text = textDrawn.getBytes(StandardCharsets.UTF_8);
        int[] htmlMarks = marks(html);
        int[] textMarks = marks(text);
        if (htmlMarks == null || textMarks == null) {
            if (!htmlDrawn.contains(PICK_START) || !textDrawn.contains(PICK_START)) {
                perReader = true;
            }
            return null;
        }
        if (frame == null) { // every paper's drawing has the same head and foot: whichever thread sets it, it is right
            frame = new Frame(template(html, 0, htmlMarks[0]), template(html, htmlMarks[3], html.length),
                    template(text, 0, textMarks[0]), template(text, textMarks[3], text.length));
        }
        return new Block(template(html, htmlMarks[1], htmlMarks[2]), template(text, textMarks[1], textMarks[2]));
    }

    private Map<String, Object> model(List<PickView> picks, String preferencesUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("picks", picks);
        model.put("preferencesUrl", preferencesUrl);
        model.put("pickStart", PICK_START);
        model.put("pickEnd", PICK_END);
        return model;
    }

    private String feedbackUrl(String token) {
        return baseUrl + "/feedback?token=" + token;
    }

    private static final byte[] START = PICK_START.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = PICK_END.getBytes(StandardCharsets.US_ASCII);

    /**
     * Where the block of a section drawn with one pick starts and ends: the start marker's first and past-last byte,
     * then the end marker's; null unless each marker stands there once, in that order.
     */
    private static int[] marks(byte[] drawn) {
        int start = indexOf(drawn, START, 0);
        int end = indexOf(drawn, END, 0);
        if (start < 0 || end < start + START.length || indexOf(drawn, START, start + 1) >= 0
                || indexOf(drawn, END, end + 1) >= 0) {
            return null;
        }
        return new int[] {start, start + START.length, end, end + END.length};
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int at = QuotedPrintableTemplate.indexOfMark(haystack, from, haystack.length); at >= 0;
             at = QuotedPrintableTemplate.indexOfMark(haystack, at + 1, haystack.length)) {
            if (at + needle.length <= haystack.length
                    && Arrays.equals(haystack, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        return -1;
    }

    private static String strip(String rendered) {
        return rendered.replace(PICK_START, "").replace(PICK_END, "");
    }

    private static QuotedPrintableTemplate template(byte[] utf8, int from, int to) {
        return new QuotedPrintableTemplate(utf8, from, to, SLOTS);
    }

    private static PickView view(Pick pick, List<String> reasons, String feedbackUrl) {
        return new PickView(pick.paper(), authors(pick.paper()), reasons, snippet(pick.paper()),
                feedbackUrl + "&vote=more", feedbackUrl + "&vote=less");
    }

    static String authors(Paper paper) {
        List<String> names = paper.authors().stream().map(Author::name).toList();
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " et al.";
    }

    /** The abstract's first sentence, its white space collapsed, cut to a line or two. */
    static String snippet(Paper paper) {
        String text = paper.abstractText();
        StringBuilder first = new StringBuilder(SNIPPET + 1);
        boolean space = false;
        for (int i = 0; i < text.length() && first.length() <= SNIPPET; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = first.length() > 0;
                continue;
            }
            if (space) {
                if (first.charAt(first.length() - 1) == '.') {
                    return first.toString();
                }
                first.append(' ');
                space = false;
            }
            first.append(c);
        }
        return first.length() <= SNIPPET ? first.toString() : first.substring(0, SNIPPET - 1).strip() + "…";
    }
}
