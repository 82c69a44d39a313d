package io.paperwire.deliver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text encoded quoted-printable once, into which per-recipient values (the personal unsubscribe link, the "For you"
 * section, the tokens of the feedback links) are spliced at each placeholder. The text between placeholders and the
 * values are encoded separately and joined by soft line breaks ({@code =CRLF}), which decode to nothing: the result
 * decodes to the text with the values in place of the placeholders, and no line grows past 76 characters. Encoding a
 * 30 KB issue costs far more than the SMTP conversation that carries it, so a list of thousands pays for it once,
 * not once per subscriber.
 */
final class QuotedPrintableTemplate {

    private static final byte[] SOFT_BREAK = {'=', '\r', '\n'};

    private final List<byte[]> encodedPieces = new ArrayList<>();
    /** The placeholder after each piece but the last, as written in the text. */
    private final List<String> slots = new ArrayList<>();

    /**
     * Every match of {@code placeholders} is a slot, filled by name in {@link #writeTo(OutputStream, boolean,
     * Function)}. Each placeholder starts with {@code %%} or {@code <!--%%}: the text is searched for {@code %%} and
     * the pattern tried only there, since trying it at every position of a 30 KB issue, and of each paper's block of
     * every "For you" section, cost more than encoding them.
     */
    QuotedPrintableTemplate(String text, Pattern placeholders) {
        Matcher m = placeholders.matcher(text);
        int from = 0;
        int at = text.indexOf(MARK);
        while (at >= 0) {
            int end = slotAt(m, text, at, from);
            if (end < 0) {
                at = text.indexOf(MARK, at + 1);
                continue;
            }
            encodedPieces.add(encode(text.substring(from, m.start())));
            slots.add(m.group());
            from = end;
            at = text.indexOf(MARK, from);
        }
        encodedPieces.add(encode(text.substring(from)));
    }

    private static final String MARK = "%%";
    private static final String COMMENT = "<!--";

    /** The end of the placeholder whose {@code %%} is at {@code at} (matched by {@code m}), or -1 when none is. */
    private static int slotAt(Matcher m, String text, int at, int from) {
        if (at - COMMENT.length() >= from && text.startsWith(COMMENT, at - COMMENT.length())) {
            m.region(at - COMMENT.length(), text.length());
            if (m.lookingAt()) {
                return m.end();
            }
        }
        m.region(at, text.length());
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * Encoded text written in place of a slot, itself encoded once with slots of its own (one paper's block of a
     * "For you" section): it continues the line the text before it left off.
     */
    interface Splice {
        /**
         * @param values the enclosing text's values, for the slots this splice does not fill itself
         * @return whether the output now stands at a line start
         */
        boolean writeTo(OutputStream out, boolean atLineStart, Function<String, Object> values) throws IOException;
    }

    /** Nothing: an empty section. */
    static final Splice NOTHING = (out, atLineStart, values) -> atLineStart;

    /** A plain text as a splice, encoded once here. */
    static Splice text(String text) {
        byte[] encoded = encode(text);
        return (out, atLineStart, values) -> append(out, encoded, atLineStart);
    }

    /** Writes the encoded text with {@code value} at every placeholder. */
    void writeTo(OutputStream out, String value) throws IOException {
        byte[] encodedValue = slots.isEmpty() ? new byte[0] : encode(value);
        writeTo(out, true, slot -> encodedValue);
    }

    /**
     * Writes the encoded text with {@code values.apply(placeholder)} at each placeholder: a {@code String} (encoded
     * here), a {@code byte[]} already encoded, or a {@link Splice}.
     *
     * @return whether the output now stands at a line start
     */
    boolean writeTo(OutputStream out, boolean atLineStart, Function<String, Object> values) throws IOException {
        for (int i = 0; i < encodedPieces.size(); i++) {
            if (i > 0) {
                Object value = values.apply(slots.get(i - 1));
                if (value instanceof Splice splice) {
                    atLineStart = splice.writeTo(out, atLineStart, values);
                } else {
                    atLineStart = append(out, value instanceof byte[] bytes ? bytes : encode((String) value),
                            atLineStart);
                }
            }
            atLineStart = append(out, encodedPieces.get(i), atLineStart);
        }
        return atLineStart;
    }

    /** Appends one encoded piece, after a soft break unless at a line start; empty pieces add nothing. */
    private static boolean append(OutputStream out, byte[] encoded, boolean atLineStart) throws IOException {
        if (encoded.length == 0) {
            return atLineStart;
        }
        if (!atLineStart) {
            out.write(SOFT_BREAK);
        }
        out.write(encoded);
        return encoded[encoded.length - 1] == '\n';
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /**
     * The text's UTF-8 bytes encoded quoted-printable (RFC 2045), as Jakarta Mail's encoder does it: each line break
     * becomes CRLF, a space or tab before a line break or at the end is encoded, lines are broken softly before 76
     * characters. One pass over an array: the encoder stream of Jakarta Mail takes a call per byte, and the personal
     * parts of every message go through here. Unlike Jakarta Mail's, it also encodes a dot that would start a line
     * ({@code =2E}), so no line of a message needs SMTP's dot-stuffing (see {@link DirectData}).
     */
    static byte[] encode(String text) {
        if (isPlain(text)) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length * 3 + (in.length * 3) / 75 * 3 + 8];
        int o = 0;
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
                continue;
            }
            boolean lineEnds = i + 1 == in.length || in[i + 1] == '\r' || in[i + 1] == '\n';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
            int width = literal ? 1 : 3;
            if (column + width > 75) {
                out[o++] = '=';
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
            }
            if (b == '.' && column == 0) {
                literal = false;
                width = 3;
            }
            if (literal) {
                out[o++] = (byte) b;
            } else {
                out[o++] = '=';
                out[o++] = HEX[b >> 4];
                out[o++] = HEX[b & 0xf];
            }
            column += width;
        }
        return java.util.Arrays.copyOf(out, o);
    }

    /**
     * A short run of printable ASCII without {@code =} and spaces (a token, a link) that does not start with a dot is
     * its own quoted-printable encoding: the tokens of a message's feedback links skip the encoder.
     */
    private static boolean isPlain(String text) {
        if (text.length() > 76 || text.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~' || c == '=') {
                return false;
            }
        }
        return true;
    }
}
