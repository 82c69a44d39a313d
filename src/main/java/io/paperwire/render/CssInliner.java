package io.paperwire.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the rules of an email's {@code <style data-inline>} blocks into the {@code style} attribute of each element
 * they select, because Gmail, Outlook and most webmail drop or rewrite {@code <head>} styles. Rules apply in order of
 * selector specificity, then source order; declarations already written in a {@code style} attribute win. Other
 * {@code <style>} blocks (dark-mode and mobile media queries, which cannot be inlined) are left as progressive
 * enhancement: the layout does not depend on them.
 *
 * <p>The style sheet is part of a trusted template, so the parser is deliberately simple: plain rules
 * ({@code selector, selector { property: value; … }}) and comments; at-rules belong in a non-inlined block.
 */
public final class CssInliner {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    private record Rule(String selector, Map<String, String> declarations, int[] specificity, int order) {}

    /** Inlines the marked style blocks of a whole HTML document and returns the document's HTML. */
    public String inline(String html) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        List<Rule> rules = new ArrayList<>();
        for (Element style : document.select("style[data-inline]")) {
            rules.addAll(parse(style.data(), rules.size()));
            style.remove();
        }
        rules.sort(Comparator.<Rule, Integer>comparing(r -> r.specificity()[0])
                .thenComparing(r -> r.specificity()[1]).thenComparing(r -> r.specificity()[2])
                .thenComparingInt(Rule::order));
        Map<Element, Map<String, String>> computed = new LinkedHashMap<>();
        for (Rule rule : rules) {
            for (Element element : select(document, rule.selector())) {
                computed.computeIfAbsent(element, e -> new LinkedHashMap<>()).putAll(rule.declarations());
            }
        }
        computed.forEach((element, declarations) -> {
            Map<String, String> merged = new LinkedHashMap<>(declarations);
            merged.putAll(declarations(element.attr("style")));
            StringBuilder style = new StringBuilder();
            merged.forEach((property, value) -> style.append(property).append(':').append(value).append(';'));
            element.attr("style", style.toString());
        });
        return document.outerHtml();
    }

    private static List<Element> select(Document document, String selector) {
        try {
            return document.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("the email style sheet has a selector jsoup cannot read: '" + selector
                    + "' (" + e.getMessage() + ")", e);
        }
    }

    private static List<Rule> parse(String css, int firstOrder) {
        List<Rule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(COMMENT.matcher(css).replaceAll(""));
        while (m.find()) {
            Map<String, String> declarations = declarations(m.group(2));
            for (String selector : m.group(1).split(",")) {
                String s = selector.strip();
                if (!s.isEmpty()) {
                    rules.add(new Rule(s, declarations, specificity(s), firstOrder + rules.size()));
                }
            }
        }
        return rules;
    }

    private static Map<String, String> declarations(String block) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String declaration : block.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String property = declaration.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                String value = declaration.substring(colon + 1).strip();
                if (!property.isEmpty() && !value.isEmpty()) {
                    result.put(property, value);
                }
            }
        }
        return result;
    }

    /** CSS specificity (ids, classes/attributes/pseudo-classes, elements), close enough for email style sheets. */
    static int[] specificity(String selector) {
        String s = selector.replaceAll("\\[[^]]*]", " § ");
        int ids = count(s, "#[\\w-]+");
        int classes = count(s, "\\.[\\w-]+") + count(s, "§") + count(s, ":[\\w-]+");
        int elements = count(s.replaceAll("[#.:][\\w-]+", " "), "(?<![\\w-])[a-zA-Z][\\w-]*");
        return new int[] {ids, classes, elements};
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
