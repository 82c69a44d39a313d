package io.paperwire.deliver;

import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.select.personal.Pick;

import java.util.List;

/**
 * One pick as {@code email/for-you.*} draw it: the paper, its first authors, the reasons shown, the abstract's first
 * sentence, and the reader's "more like this" / "less like this" links.
 */
public record PickView(Paper paper, String authors, List<String> reasons, String snippet, String moreUrl,
                       String lessUrl) {

    private static final int SNIPPET = 220;

    /** The view of a pick with these reasons, its feedback links made from {@code feedbackUrl}. */
    static PickView of(Pick pick, List<String> reasons, String feedbackUrl) {
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
