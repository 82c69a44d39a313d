package io.paperwire.roundup;

import java.util.List;
import java.util.Map;

/**
 * The words of a roundup: its introduction and a paragraph per paper (by arXiv id), plain text. Stored in the
 * roundup text cache as JSON, so a rerun with the same papers, model and prompt makes no call.
 *
 * @param writtenBy     {@code extractive} or the model, e.g. {@code openai:gpt-4o-mini}
 * @param introFallback the introduction was composed from the stored data instead of the LLM's
 * @param fallbacks     the papers whose paragraph was composed from the stored summary instead of the LLM's
 * @param notes         for the editor: why a part fell back
 */
public record RoundupText(String intro, Map<String, String> paragraphs, String writtenBy, boolean introFallback,
                          List<String> fallbacks, List<String> notes) {
    public RoundupText {
        paragraphs = Map.copyOf(paragraphs);
        fallbacks = List.copyOf(fallbacks);
        notes = List.copyOf(notes);
    }
}
