package io.paperwire.roundup;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperwire.paper.RoundupEntry;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.summarize.AnswerCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the LLM's roundup with code, as {@link AnswerCheck} checks a weekly summary: it must be the JSON object asked
 * for, with an introduction and one paragraph per paper, each within its word limits; markup and links that are not
 * the paper's own are removed; every figure in a paragraph must be stated by that paper's title or abstract or be one
 * of its reception figures (upvotes, comments, issues, weeks); the introduction's figures must be stated by one of the
 * papers or the period's own facts. Parts that pass are kept even when others fail.
 */
final class RoundupAnswerCheck {

    static final int INTRO_MIN_WORDS = 30;
    static final int INTRO_MAX_WORDS = 170;
    static final int PARAGRAPH_MIN_WORDS = 25;
    static final int PARAGRAPH_MAX_WORDS = 140;
    static final int MAX_CHARS = 1500;

    /**
     * The parts that passed (intro {@code null} when it did not) and what was wrong with the rest.
     */
    record Verdict(String intro, Map<String, String> paragraphs, List<String> problems) {
        boolean complete(int papers) {
            return intro != null && paragraphs.size() == papers && problems.isEmpty();
        }

        String feedback() {
            return String.join("; ", problems);
        }
    }

    private RoundupAnswerCheck() {}

    static Verdict check(String answer, RoundupPeriod period, int issueCount, int featured, List<RoundupEntry> entries) {
        List<String> problems = new ArrayList<>();
        JsonNode root = AnswerCheck.parseObject(answer == null ? "" : answer, problems);
        Map<String, String> paragraphs = new LinkedHashMap<>();
        if (root == null) {
            return new Verdict(null, paragraphs, problems);
        }
        Map<String, RoundupEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.paper().id().value(), e));
        String periodFacts = period.label() + " " + period.id() + " " + issueCount + " " + featured + " " + entries.size();

        String intro = null;
        JsonNode introNode = root.get("intro");
        if (introNode == null || !introNode.isTextual()) {
            problems.add("\"intro\" must be a string");
        } else {
            String cleaned = AnswerCheck.clean(introNode.asText(), Set.of(), MAX_CHARS);
            int words = AnswerCheck.words(cleaned);
            StringBuilder sources = new StringBuilder(periodFacts);
            entries.forEach(e -> sources.append('\n').append(source(e)));
            List<String> unsupported = AnswerCheck.unsupportedFigures(cleaned, sources.toString());
            if (words < INTRO_MIN_WORDS || words > INTRO_MAX_WORDS) {
                problems.add("\"intro\" has " + words + " words; write " + INTRO_MIN_WORDS + " to " + INTRO_MAX_WORDS);
            } else if (!unsupported.isEmpty()) {
                problems.add("the intro states figures no paper states: " + String.join(", ", unsupported)
                        + "; use only figures given, or none");
            } else {
                intro = cleaned;
            }
        }

        JsonNode papers = root.get("papers");
        if (papers == null || !papers.isArray()) {
            problems.add("\"papers\" must be an array of {\"id\", \"paragraph\"} objects");
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode item : papers) {
                String id = item.path("id").asText("").strip().replaceFirst("(?i)^arxiv:", "").replaceFirst("v\\d+$", "");
                RoundupEntry entry = byId.get(id);
                if (entry == null) {
                    problems.add("\"papers\" names '" + clip(id) + "', which is not one of the papers given");
                    continue;
                }
                if (!seen.add(id)) {
                    problems.add("paper " + id + " has more than one paragraph");
                    continue;
                }
                JsonNode text = item.get("paragraph");
                if (text == null || !text.isTextual()) {
                    problems.add("paper " + id + ": \"paragraph\" must be a string");
                    continue;
                }
                String cleaned = AnswerCheck.clean(text.asText(), AnswerCheck.allowedUrls(entry.paper()), MAX_CHARS);
                int words = AnswerCheck.words(cleaned);
                List<String> unsupported = AnswerCheck.unsupportedFigures(cleaned, source(entry) + "\n" + periodFacts);
                if (words < PARAGRAPH_MIN_WORDS || words > PARAGRAPH_MAX_WORDS) {
                    problems.add("paper " + id + ": the paragraph has " + words + " words; write "
                            + PARAGRAPH_MIN_WORDS + " to " + PARAGRAPH_MAX_WORDS);
                } else if (!unsupported.isEmpty()) {
                    problems.add("paper " + id + ": these figures are not in its title or abstract: "
                            + String.join(", ", unsupported) + "; use only figures stated there, or none");
                } else {
                    paragraphs.put(id, cleaned);
                }
            }
            byId.keySet().stream().filter(id -> !seen.contains(id))
                    .forEach(id -> problems.add("no paragraph for paper " + id));
        }
        return new Verdict(intro, paragraphs, problems);
    }

    /** What a paper's figures may come from: its id, title, abstract and comment, and how it was received. */
    static String source(RoundupEntry e) {
        var p = e.paper();
        return p.id().value() + "\n" + p.title() + "\n" + p.abstractText() + "\n" + p.comment() + "\n" + p.signals().upvotes() + " "
                + p.signals().comments() + " " + e.appearances().size() + " "
                + String.join(" ", e.appearances().stream().map(a -> a.week().year() + " " + a.week().number()).toList());
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
