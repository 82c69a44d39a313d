package io.paperwire.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Turns the inline LaTeX of arXiv titles and abstracts into readable Unicode text, for places without a typesetter:
 * the email parts, the subject, the feeds and the search index. {@code $\alpha$-Entmax} becomes {@code α-Entmax},
 * {@code $O(n \log n)$} becomes {@code O(n log n)}, {@code Mat\'ern} becomes {@code Matérn}. The symbol table is data
 * ({@code latex-unicode.properties}); what it does not know degrades to its content, without {@code $}, braces or
 * backslashes. The result is plain text: callers escape it as they escape any other text.
 *
 * <p>A dollar sign is math only when it pairs with a closing one ({@link MathDelimiters}): "costs $5 and $10"
 * stays as written. The archive's {@code assets/math.js} pairs dollars by the same rule in the browser.
 */
public final class MathText {

    private static final Properties TABLE = load();
    /** Commands whose one argument is shown as it is (font and text commands). */
    private static final Set<String> CONTENT_COMMANDS = Set.of("text", "textrm", "textbf", "textit", "textsf", "texttt",
            "emph", "textsc", "textup", "textnormal", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathnormal",
            "boldsymbol", "bm", "operatorname", "mbox", "hbox", "underline", "mathop", "displaystyle");
    /** Commands shown as nothing: sizing and spacing. */
    private static final Set<String> SILENT_COMMANDS = Set.of("left", "right", "big", "Big", "bigg", "Bigg", "bigl",
            "bigr", "Bigl", "Bigr", "limits", "nolimits", "displaystyle", "textstyle", "scriptstyle", "mathstrut",
            "noindent", "xspace", "em", "bf", "it", "rm", "sf", "tt", "sl", "sc", "normalfont");

    private MathText() {
    }

    /** The text with its LaTeX turned into Unicode; {@code null} stays {@code null}. */
    public static String of(String text) {
        if (text == null || (text.indexOf('$') < 0 && text.indexOf('\\') < 0 && text.indexOf('~') < 0
                && !text.contains("--"))) {
            return text;
        }
        String converted = new Parser(text).run();
        return Normalizer.normalize(converted, Normalizer.Form.NFC);
    }

    private static Properties load() {
        Properties table = new Properties();
        try (InputStream in = MathText.class.getResourceAsStream("latex-unicode.properties")) {
            if (in == null) {
                throw new IllegalStateException("latex-unicode.properties is missing from the jar");
            }
            table.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }

    /** One pass over the text; math mode (between {@code $}) also reads {@code ^} and {@code _}. */
    private static final class Parser {
        private final String in;
        private final Map<Integer, Integer> delimiters;
        private int pos;
        private boolean math;
        /** Between a pair of {@link MathDelimiters}, whatever the text commands inside switched. */
        private boolean inPairedMath;
        /** How many braced groups the parser is inside: within one, a brace groups even outside math. */
        private int depth;

        Parser(String in) {
            this.in = in;
            this.delimiters = MathDelimiters.of(in);
        }

        String run() {
            StringBuilder out = new StringBuilder();
            while (pos < in.length()) {
                out.append(next());
            }
            return out.toString().replace("---", "—").replace("--", "–");
        }

        /** Converts the next piece (a character, a command, a group). */
        private String next() {
            char c = in.charAt(pos++);
            switch (c) {
                case '$':
                    Integer length = delimiters.get(pos - 1);
                    if (length != null) {
                        pos += length - 1;
                        math = !math;
                        inPairedMath = math;
                        while (math && pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
                            pos++; // TeX ignores spaces in math: "$ \alpha $-divergence" reads α-divergence
                        }
                        return "";
                    }
                    if (inPairedMath && depth > 0) {
                        // math in a text command in math, $a \text{if $x$} b$: the command restores the mode after
                        math = !math;
                        return "";
                    }
                    return "$";
                case '\\':
                    return command();
                case '{':
                    // outside math and any group a bare brace is more often text ("${7*7}", code) than TeX: kept
                    return math || depth > 0 ? group() : "{";
                case '}':
                    return math || depth > 0 ? "" : "}";
                case '~':
                    return "\u00a0";
                case '^':
                case '_':
                    return math ? script(c == '^' ? "sup." : "sub.", c) : String.valueOf(c);
                default:
                    if (math && Character.isWhitespace(c)) {
                        int end = pos;
                        while (end < in.length() && Character.isWhitespace(in.charAt(end))) {
                            end++;
                        }
                        if (delimiters.containsKey(end)) {
                            pos = end;
                            return "";
                        }
                    }
                    return String.valueOf(c);
            }
        }

        private String command() {
            if (pos >= in.length()) {
                return "";
            }
            char c = in.charAt(pos);
            if (!Character.isLetter(c)) {
                pos++;
                String accent = TABLE.getProperty("accent." + c);
                if (accent != null) {
                    return accented(accent);
                }
                return switch (c) {
                    case '(', '[' -> { math = true; inPairedMath = true; yield ""; }
                    case ')', ']' -> { math = false; inPairedMath = false; yield ""; }
                    case ',', ';', ':', ' ', '\\' -> " ";
                    case '!', '/' -> "";
                    case '|' -> "‖";
                    default -> String.valueOf(c); // \% \& \_ \# \$ \{ \}
                };
            }
            int start = pos;
            while (pos < in.length() && Character.isLetter(in.charAt(pos))) {
                pos++;
            }
            String name = in.substring(start, pos);
            if (name.length() == 1 && TABLE.getProperty("accent." + name) != null
                    && pos < in.length() && (in.charAt(pos) == '{' || in.charAt(pos) == ' ')) {
                return accented(TABLE.getProperty("accent." + name)); // \c{c}, \v{s}, \H o
            }
            if (name.length() > 1 && TABLE.getProperty("accent." + name) != null) {
                return accented(TABLE.getProperty("accent." + name)); // \hat{x}, \bar x
            }
            switch (name) {
                case "mathbb", "mathcal", "mathfrak", "mathscr", "mathbbm" -> {
                    return letters(name.equals("mathscr") ? "mathcal" : name.equals("mathbbm") ? "mathbb" : name,
                            argument());
                }
                case "sqrt" -> {
                    skipOptional();
                    String radicand = argument();
                    return "√" + (radicand.codePointCount(0, radicand.length()) > 1 ? "(" + radicand + ")" : radicand);
                }
                case "frac", "dfrac", "tfrac" -> {
                    String numerator = argument();
                    String denominator = argument();
                    return wrap(numerator) + "/" + wrap(denominator);
                }
                default -> {
                    // fall through to the table below
                }
            }
            String symbol = TABLE.getProperty("symbol." + name);
            if (symbol != null) {
                return symbol;
            }
            if (SILENT_COMMANDS.contains(name)) {
                while (pos < in.length() && in.charAt(pos) == ' ') {
                    pos++; // as TeX does after a control word: "{\em inner}" reads "inner"
                }
                return "";
            }
            if (CONTENT_COMMANDS.contains(name) || nextIs('{')) {
                boolean wasMath = math;
                String content = argument();
                math = wasMath;
                return content;
            }
            return name; // an unknown command reads as its name: \softmax -> softmax
        }

        private String accented(String mark) {
            String base = argument();
            if (base.isEmpty()) {
                return mark.strip();
            }
            int firstEnd = base.offsetByCodePoints(0, 1);
            return base.substring(0, firstEnd) + mark + base.substring(firstEnd);
        }

        private String script(String kind, char marker) {
            String content = argument();
            StringBuilder mapped = new StringBuilder();
            for (int i = 0; i < content.length(); ) {
                int cp = content.codePointAt(i);
                String one = TABLE.getProperty(kind + new String(Character.toChars(cp)));
                if (one == null) {
                    String plain = content.codePointCount(0, content.length()) > 1 ? "(" + content + ")" : content;
                    return (marker == '^' ? "^" : "_") + plain;
                }
                mapped.append(one);
                i += Character.charCount(cp);
            }
            return mapped.toString();
        }

        private String letters(String family, String content) {
            StringBuilder out = new StringBuilder();
            content.codePoints().forEach(cp -> {
                String letter = new String(Character.toChars(cp));
                out.append(TABLE.getProperty(family + "." + letter, letter));
            });
            return out.toString();
        }

        /** The next argument: a braced group, a command or one character, converted. */
        private String argument() {
            while (pos < in.length() && in.charAt(pos) == ' ') {
                pos++;
            }
            if (pos >= in.length()) {
                return "";
            }
            if (in.charAt(pos) == '{') {
                pos++;
                return group();
            }
            if (in.charAt(pos) == '\\') {
                pos++;
                return command();
            }
            int cp = in.codePointAt(pos);
            pos += Character.charCount(cp);
            return new String(Character.toChars(cp));
        }

        /** The rest of a group whose opening brace was read, up to its closing brace. */
        private String group() {
            StringBuilder out = new StringBuilder();
            depth++;
            while (pos < in.length() && in.charAt(pos) != '}') {
                out.append(next());
            }
            depth--;
            if (pos < in.length()) {
                pos++;
            }
            return out.toString();
        }

        private void skipOptional() {
            if (nextIs('[')) {
                int close = in.indexOf(']', pos);
                pos = close < 0 ? in.length() : close + 1;
            }
        }

        private boolean nextIs(char c) {
            return pos < in.length() && in.charAt(pos) == c;
        }

        private static String wrap(String part) {
            return part.codePointCount(0, part.length()) > 1 && !part.matches("[\\p{L}\\p{N}]+") ? "(" + part + ")" : part;
        }
    }
}
