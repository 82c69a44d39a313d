package io.paperwire.paper;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier without its version: new style {@code 2405.12345} or old style {@code hep-th/9901001}.
 * Papers from different sources are merged on this value.
 */
public record ArxivId(String value) implements Comparable<ArxivId> {

    private static final Pattern ID = Pattern.compile(
            "(?:arxiv:)?((?:\\d{4}\\.\\d{4,5})|(?:[a-z][a-z\\-]*(?:\\.[A-Z]{2})?/\\d{7}))(?:v(\\d+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_PREFIX = Pattern.compile("^https?://[^/]+/(?:abs|pdf|html)/");

    public ArxivId {
        Objects.requireNonNull(value, "value");
        Matcher m = ID.matcher(value);
        if (!m.matches() || m.group(2) != null) {
            throw new IllegalArgumentException("not an arXiv id without version: '" + value + "'");
        }
    }

    /** An id together with the version it was seen at (0 when the source did not say). */
    public record Versioned(ArxivId id, int version) {}

    /**
     * Parses an id as sources write it: bare, with a version suffix, with an {@code arXiv:} prefix,
     * or as an abs/pdf URL.
     *
     * @throws IllegalArgumentException naming the text when it is not an arXiv id
     */
    public static Versioned parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("missing arXiv id");
        }
        String text = URL_PREFIX.matcher(raw.strip()).replaceFirst("");
        if (text.endsWith(".pdf")) {
            text = text.substring(0, text.length() - 4);
        }
        Matcher m = ID.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an arXiv id: '" + raw + "'");
        }
        int version = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return new Versioned(new ArxivId(m.group(1)), version);
    }

    public static ArxivId of(String raw) {
        return parse(raw).id();
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + value;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + value;
    }

    /**
     * arXiv's HTML rendering of the paper, which arXiv makes for papers submitted from December 2023 on (ids from
     * {@code 2312.}); empty for older ones. arXiv answers with its own notice where a conversion failed.
     */
    public String htmlUrl() {
        boolean newStyle = value.matches("\\d{4}\\..*");
        return newStyle && value.compareTo("2312") >= 0 ? "https://arxiv.org/html/" + value : "";
    }

    /**
     * The id as a file name and URL path segment: new-style ids as they are ({@code 2405.12345}), the slash of an
     * old-style id replaced by an underscore ({@code hep-th/9901001} → {@code hep-th_9901001}). No id holds an
     * underscore, so two ids never share a name.
     */
    public String fileSafe() {
        return value.replace('/', '_');
    }

    @Override
    public int compareTo(ArxivId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
