package io.paperwire.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an LLM's answer with code, whatever the prompt said: it must be the JSON object asked for, within the word
 * limits; markup and any link that is not in the paper's own metadata are removed; every figure (a number, a
 * percentage, a model size such as 7B, a factor such as 3x) must appear in the title or abstract.
 */
public final class AnswerCheck {

    static final int TLDR_MAX_WORDS = 30;
    static final int SUMMARY_MIN_WORDS = 80;
    static final int SUMMARY_MAX_WORDS = 150;
    static final int KEY_POINTS = 3;
    static final int MAX_FIELD_CHARS = 1500;
    static final int MAX_POINT_CHARS = 300;
    static final int MAX_TAGS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("(?s)<\\s*(script|style)[^>]*>.*?<\\s*/\\s*\\1\\s*>|<[^>]{0,500}>");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.|javascript:|data:)[^\\s<>\"'`]*");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\d.,])(\\d+(?:[.,]\\d+)*)(?:\\s?(%|percent\\b|x\\b|×|[kKmMbBtT]\\b|billion\\b|million\\b|thousand\\b))?");

    /** The cleaned summary, or the problems that make the answer unusable; {@code unsupportedFigures} also counts. */
    record Verdict(Summary summary, List<String> problems, List<String> unsupportedFigures) {
        boolean ok() {
            return problems.isEmpty() && unsupportedFigures.isEmpty();
        }

        /** What to tell the model so its next answer can pass. */
        String feedback() {
            List<String> all = new ArrayList<>(problems);
            if (!unsupportedFigures.isEmpty()) {
                all.add("these figures do not appear in the title or abstract: " + String.join(", ", unsupportedFigures)
                        + "; use only figures stated there, or none");
            }
            return String.join("; ", all);
        }
    }

    private AnswerCheck() {}

    static Verdict check(String answer, Paper paper, Summarizer.Depth depth, String model) {
        List<String> problems = new ArrayList<>();
        JsonNode root = parseObject(answer == null ? "" : answer, problems);
        if (root == null) {
            return new Verdict(null, problems, List.of());
        }
        Set<String> allowedUrls = allowedUrls(paper);
        String tldr = clean(text(root, "tldr", problems), allowedUrls, MAX_FIELD_CHARS);
        if (tldr.isEmpty()) {
            problems.add("\"tldr\" is missing or empty");
        } else if (words(tldr) > TLDR_MAX_WORDS) {
            problems.add("\"tldr\" has " + words(tldr) + " words; at most " + TLDR_MAX_WORDS + " allowed");
        }
        String summary = "";
        List<String> keyPoints = List.of();
        String critique = "";
        String why = "";
        List<String> tags = List.of();
        if (depth == Summarizer.Depth.FULL) {
            summary = clean(text(root, "summary", problems), allowedUrls, MAX_FIELD_CHARS);
            int n = words(summary);
            if (n < SUMMARY_MIN_WORDS || n > SUMMARY_MAX_WORDS) {
                problems.add("\"summary\" has " + n + " words; write " + SUMMARY_MIN_WORDS + " to " + SUMMARY_MAX_WORDS);
            }
            keyPoints = strings(root, "key_points", problems).stream()
                    .map(p -> clean(p, allowedUrls, MAX_POINT_CHARS)).filter(p -> !p.isEmpty()).toList();
            if (keyPoints.size() != KEY_POINTS) {
                problems.add("\"key_points\" must hold exactly " + KEY_POINTS + " non-empty strings, not " + keyPoints.size());
            }
            critique = clean(text(root, "critique", problems), allowedUrls, MAX_FIELD_CHARS);
            int sentences = ExtractiveSummarizer.sentences(critique).size();
            if (sentences < 1 || sentences > 2) {
                problems.add("\"critique\" must be one or two sentences, not " + sentences);
            }
            why = clean(text(root, "why_it_matters", problems), allowedUrls, MAX_FIELD_CHARS);
            if (why.isEmpty()) {
                problems.add("\"why_it_matters\" is missing or empty");
            }
            tags = strings(root, "tags", problems).stream()
                    .map(t -> clean(t, allowedUrls, 40).toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                    .distinct().limit(MAX_TAGS).toList();
            if (tags.isEmpty()) {
                problems.add("\"tags\" must hold at least one tag");
            }
        }
        List<String> texts = new ArrayList<>(List.of(tldr, summary, critique, why));
        texts.addAll(keyPoints);
        List<String> unsupported = unsupportedFigures(String.join("\n", texts), paper);
        Summary result = new Summary(tldr, summary, keyPoints, critique, why, tags, model, false);
        return new Verdict(result, problems, unsupported);
    }

    /** The JSON object in an answer (text around it ignored), or null with the problem added. */
    public static JsonNode parseObject(String answer, List<String> problems) {
        String text = answer.strip();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            problems.add("the answer is not a JSON object");
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start, end + 1));
            if (node == null || !node.isObject()) {
                problems.add("the answer is not a JSON object");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.add("the answer is not valid JSON (" + e.getOriginalMessage() + ")");
            return null;
        }
    }

    private static String text(JsonNode root, String field, List<String> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            problems.add("\"" + field + "\" must be a string");
            return "";
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode root, String field, List<String> problems) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            problems.add("\"" + field + "\" must be an array of strings");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        node.forEach(item -> result.add(item.isTextual() ? item.asText() : ""));
        return result;
    }

    /** Plain text: no markup, no links except the paper's own, single spaces, at most {@code maxChars}. */
    public static String clean(String text, Set<String> allowedUrls, int maxChars) {
        String noMarkup = TAG.matcher(text).replaceAll(" ").replace("<", "").replace(">", "");
        noMarkup = MARKDOWN_LINK.matcher(noMarkup).replaceAll("$1 $2");
        Matcher m = URL.matcher(noMarkup);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = trimUrl(m.group());
            String trailing = m.group().substring(url.length());
            m.appendReplacement(out, Matcher.quoteReplacement(allowedUrls.contains(normalize(url)) ? url + trailing : trailing));
        }
        m.appendTail(out);
        String result = out.toString().replaceAll("\\s+", " ").replaceAll(" ([,.;:!?])", "$1").strip();
        if (result.length() > maxChars) {
            result = result.substring(0, maxChars - 1).strip() + "…";
        }
        return result;
    }

    /**
     * The paper's own links from its structured metadata (arXiv, Hugging Face, code, project page, DOI). Links in the
     * abstract are not among them: the abstract is untrusted text and may carry a link it wants repeated.
     */
    public static Set<String> allowedUrls(Paper paper) {
        Set<String> urls = new LinkedHashSet<>();
        for (String url : List.of(paper.absUrl(), paper.pdfUrl(), paper.huggingFaceUrl(), paper.signals().githubRepo(),
                paper.signals().projectPage(), paper.doi().isEmpty() ? "" : "https://doi.org/" + paper.doi())) {
            if (!url.isBlank()) {
                urls.add(normalize(url));
            }
        }
        return urls;
    }

    private static String trimUrl(String url) {
        return url.replaceAll("[.,;:!?)\\]}]+$", "");
    }

    private static String normalize(String url) {
        return url.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceAll("/+$", "");
    }

    /** Figures in {@code text} that the paper's title and abstract do not state. */
    static List<String> unsupportedFigures(String text, Paper paper) {
        return unsupportedFigures(text, paper.title() + "\n" + paper.abstractText() + "\n" + paper.comment());
    }

    /** Figures in {@code text} (numbers, percentages, sizes, factors) that {@code source} does not state. */
    public static List<String> unsupportedFigures(String text, String source) {
        Set<String> stated = figures(source);
        Set<String> statedNumbers = new LinkedHashSet<>();
        stated.forEach(f -> statedNumbers.add(f.split(" ")[0]));
        List<String> unsupported = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String figure = figure(m);
            boolean ok = figure.contains(" ") ? stated.contains(figure) : statedNumbers.contains(figure);
            if (!ok && !unsupported.contains(m.group().strip())) {
                unsupported.add(m.group().strip());
            }
        }
        return unsupported;
    }

    private static Set<String> figures(String text) {
        Set<String> result = new LinkedHashSet<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            result.add(figure(m));
        }
        return result;
    }

    /** "38%" → "38 %", "7B" → "7 b", "7 billion" → "7 b", "1,000" → "1000", "12" → "12". */
    private static String figure(Matcher m) {
        String number = m.group(1).replace(",", "");
        String unit = m.group(2);
        if (unit == null) {
            return number;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        u = switch (u) {
            case "percent" -> "%";
            case "×" -> "x";
            case "billion" -> "b";
            case "million" -> "m";
            case "thousand" -> "k";
            default -> u;
        };
        return number + " " + u;
    }

    public static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
