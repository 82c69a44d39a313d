package io.paperwire.source;

import java.util.regex.Pattern;

/** Cleaning of source text: whitespace and hard line breaks collapsed, lengths capped. Markup is kept as text. */
final class Text {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Text() {}

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return WHITESPACE.matcher(text.replace('\u0000', ' ')).replaceAll(" ").strip();
    }

    static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars - 1) + "…";
    }
}
