package io.paperwire.summarize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Papers and LLM answers for the summariser tests: valid ones, and ones broken in one chosen way. */
final class Answers {

    static final String ABSTRACT = "Large language models are costly to serve. We propose FuzzyCache, a semantic cache"
            + " that matches near-identical prompts. On 3 production traces FuzzyCache reduces serving cost by 38%"
            + " for a 7B model, and answers 2x faster. Code: https://github.com/example/fuzzycache.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    static Paper paper(String id) {
        return paper(id, "FuzzyCache: Semantic Caching for Language Model Serving", ABSTRACT);
    }

    static Paper paper(String id, String title, String abstractText) {
        return new Paper(ArxivId.of(id), 1, title, abstractText, List.of(Author.named("Ada Lovelace")), "cs.CL",
                List.of("cs.CL"), null, null, null, null, null,
                new Signals(true, 10, 1, "https://github.com/example/fuzzycache", "", "", List.of()));
    }

    /** 95 words without figures: within the 80–150 the check asks for. */
    static String summaryText() {
        return ("FuzzyCache caches the answers of a language model server and reuses them when a new prompt is nearly"
                + " identical to an earlier one. ").repeat(4)
                + "The paper measures cost and latency on production traces and finds large savings with little loss"
                + " in answer quality, which matters for anyone serving models at scale today.";
    }

    static Map<String, Object> full() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tldr", "FuzzyCache reuses answers for near-identical prompts and cuts serving cost by 38% for a 7B model.");
        answer.put("summary", summaryText());
        answer.put("key_points", List.of("Semantic matching of prompts", "38% lower serving cost", "2x faster answers"));
        answer.put("critique", "The traces come from a single provider. Quality loss is measured only automatically.");
        answer.put("why_it_matters", "Serving cost dominates LLM budgets, and caching is cheap to adopt.");
        answer.put("tags", List.of("llm serving", "caching"));
        return answer;
    }

    static Map<String, Object> tldr() {
        return Map.of("tldr", "FuzzyCache reuses answers for near-identical prompts to cut serving cost.");
    }

    static String json(Map<String, Object> answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String with(String field, Object value) {
        Map<String, Object> answer = full();
        answer.put(field, value);
        return json(answer);
    }
}
