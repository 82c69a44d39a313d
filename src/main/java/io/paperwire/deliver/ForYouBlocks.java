package io.paperwire.deliver;

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
 * is drawn once per reader instead, as it is written. A paper's block serves every number of reasons when the
 * templates only join the reasons (the bundled ones do: {@code ?join("; ")}), which a drawing of the first pick with
 * zero to four reasons checks once; otherwise it is drawn for each number of reasons.
 */
final class ForYouBlocks {

    static final String HTML = "email/for-you.html.ftlh";
    static final String TEXT = "email/for-you.txt.ftl";
    static final String PICK_START = "%%PICK_START%%";
    static final String PICK_END = "%%PICK_END%%";
    private static final String REASON_PREFIX = "%%REASON:";
    /** All of a reader's reasons, joined as the templates join them, where they only join them. */
    private static final String REASONS = "%%REASONS%%";
    private static final String REASONS_JOINED_BY = "; ";
    /** The numbers of reasons the check of {@link #joinsReasons} draws; a pick with more gets a block of its own. */
    private static final int CHECKED_REASONS = 4;
    /** The {@link BlockKey#reasons()} of a block drawn with its reasons joined in one slot. */
    private static final int JOINED = -1;
    private static final Pattern SLOTS = Pattern.compile(RenderedIssue.SLOTS.pattern() + "|%%REASON:\\d{1,2}%%"
            + "|%%REASONS%%");

    /** One paper's block in both parts, for a given number of reasons ({@link #JOINED}: any number). */
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
    private volatile Boolean joinsReasons;

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
        Map<String, Object> model = model(picks.stream().map(p -> PickView.of(p, p.reasons(),
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
                    String reason;
                    if (slot.equals(REASONS)) {
                        reason = String.join(REASONS_JOINED_BY, reasons);
                    } else if (slot.startsWith(REASON_PREFIX)) {
                        int n = Integer.parseInt(slot.substring(REASON_PREFIX.length(), slot.length() - 2));
                        reason = n < reasons.size() ? reasons.get(n) : "";
                    } else {
                        return values.apply(slot);
                    }
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
        int reasons = pick.reasons().size();
        BlockKey key = new BlockKey(pick.paper().id().value(),
                reasons <= CHECKED_REASONS && joinsReasons(pick) ? JOINED : reasons);
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
        if (key.reasons() == JOINED) {
            reasons.add(REASONS);
        }
        for (int i = 0; i < key.reasons(); i++) {
            reasons.add(REASON_PREFIX + i + "%%");
        }
        String[] drawn = drawnAlone(pick, reasons);
        String htmlDrawn = drawn[0];
        String textDrawn = drawn[1];
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

    /** The section of one pick with these reasons, its tokens left as slots: the HTML and the text. */
    private String[] drawnAlone(Pick pick, List<String> reasons) {
        Map<String, Object> model = model(List.of(PickView.of(pick, reasons,
                feedbackUrl(RenderedIssue.feedbackSlot(pick.paper().id().value())))),
                baseUrl + "/preferences?token=" + RenderedIssue.PREFERENCES_TOKEN_SLOT);
        return new String[] {html.apply(model), text.apply(model)};
    }

    /**
     * Whether the templates only join a pick's reasons: drawn with zero to {@link #CHECKED_REASONS} reasons, the
     * section of {@code probe} reads as drawn with the one joined slot in their place. Checked once per issue.
     */
    private boolean joinsReasons(Pick probe) {
        Boolean known = joinsReasons;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (joinsReasons == null) {
                String[] joined = drawnAlone(probe, List.of(REASONS));
                boolean same = true;
                for (int n = 0; n <= CHECKED_REASONS && same; n++) {
                    List<String> reasons = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        reasons.add("reason " + (char) ('a' + i));
                    }
                    String[] drawn = drawnAlone(probe, reasons);
                    String inSlot = String.join(REASONS_JOINED_BY, reasons);
                    same = drawn[0].equals(joined[0].replace(REASONS, inSlot))
                            && drawn[1].equals(joined[1].replace(REASONS, inSlot));
                }
                joinsReasons = same;
            }
            return joinsReasons;
        }
    }

    /** How many blocks were drawn so far (for tests). */
    int blocksDrawn() {
        return blocks.size();
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
}
