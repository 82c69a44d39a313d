package io.paperwire.source;

/** Cleaning of source text: whitespace and hard line breaks collapsed, lengths capped. Markup is kept as text. */
final class Text {

    private Text() {}

    /** Collapses every run of whitespace (Unicode spaces and NUL included) to one space and strips the ends. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        if (isNormal(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isNormal(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || i == 0 || i == last || isSpace(text.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == '\u0000' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars - 1);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars - 1) + "…";
    }
}
