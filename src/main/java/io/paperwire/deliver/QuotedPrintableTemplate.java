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
        this(text.getBytes(StandardCharsets.UTF_8), 0, -1, placeholders);
    }

    /**
     * The same for the UTF-8 text {@code utf8[from, to)} ({@code to} -1: to the end). The text is searched and
     * encoded as bytes: a drawn "For you" block holds a character beyond Latin-1 more often than not, and every
     * substring of such a string costs a pass over it.
     */
    QuotedPrintableTemplate(byte[] utf8, int from, int to, Pattern placeholders) {
        int end = to < 0 ? utf8.length : to;
        Matcher m = placeholders.matcher(new Latin1(utf8));
        int at = indexOfMark(utf8, from, end);
        while (at >= 0) {
            int slotEnd = slotAt(m, utf8, at, from, end);
            if (slotEnd < 0) {
                at = indexOfMark(utf8, at + 1, end);
                continue;
            }
            encodedPieces.add(encode(utf8, from, m.start()));
            slots.add(m.group());
            from = slotEnd;
            at = indexOfMark(utf8, from, end);
        }
        encodedPieces.add(encode(utf8, from, end));
    }

    private static final byte[] COMMENT = "<!--".getBytes(StandardCharsets.US_ASCII);

    /** Where {@code %%} first stands in {@code utf8[from, end)}, or -1. */
    static int indexOfMark(byte[] utf8, int from, int end) {
        for (int i = from; i < end - 1; i++) {
            if (utf8[i] == '%' && utf8[i + 1] == '%') {
                return i;
            }
        }
        return -1;
    }

    /** The end of the placeholder whose {@code %%} is at {@code at} (matched by {@code m}), or -1 when none is. */
    private static int slotAt(Matcher m, byte[] utf8, int at, int from, int end) {
        int comment = at - COMMENT.length;
        if (comment >= from && java.util.Arrays.equals(utf8, comment, at, COMMENT, 0, COMMENT.length)) {
            m.region(comment, end);
            if (m.lookingAt()) {
                return m.end();
            }
        }
        m.region(at, end);
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * The bytes as characters one to one, for the placeholder pattern: placeholders are ASCII, and no byte of a
     * multi-byte UTF-8 character is one.
     */
    private record Latin1(byte[] bytes) implements CharSequence {
        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
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
    /** The bytes written as themselves wherever they stand (a space or tab is not: at a line's end it is encoded). */
    private static final boolean[] SAFE = new boolean[256];

    static {
        for (int b = 33; b <= 126; b++) {
            SAFE[b] = b != '=';
        }
    }

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
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return encode(utf8, 0, utf8.length);
    }

    /** {@link #encode(String)} of the UTF-8 text {@code in[from, to)}, as if it stood alone. */
    static byte[] encode(byte[] in, int from, int to) {
        int length = to - from;
        byte[] out = new byte[length * 3 + (length * 3) / 75 * 3 + 8];
        int o = 0;
        int column = 0;
        for (int i = from; i < to; i++) {
            int b = in[i] & 0xff;
            if (SAFE[b] && column < 75 && (column > 0 || b != '.')) { // most bytes: printable, mid-line
                out[o++] = (byte) b;
                column++;
                continue;
            }
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < to && in[i + 1] == '\n') {
                    i++;
                }
                out[o++] = '\r';
                out[o++] = '\n';
                column = 0;
                continue;
            }
            boolean lineEnds = i + 1 == to || in[i + 1] == '\r' || in[i + 1] == '\n';
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
