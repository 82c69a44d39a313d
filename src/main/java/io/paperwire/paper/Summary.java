package io.paperwire.paper;

import java.util.List;

/**
 * What the newsletter says about a paper. Produced by a summariser from untrusted input, so every field is plain
 * text that templates escape.
 *
 * @param model    which summariser wrote it, e.g. {@code extractive} or {@code openai:gpt-4o-mini}
 * @param fallback true when the preferred summariser failed and the extractive one stood in
 */
public record Summary(String tldr, String summary, List<String> keyPoints, String critique, String whyItMatters,
                      List<String> tags, String model, boolean fallback) {
    public Summary {
        tldr = tldr == null ? "" : tldr;
        summary = summary == null ? "" : summary;
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        critique = critique == null ? "" : critique;
        whyItMatters = whyItMatters == null ? "" : whyItMatters;
        tags = tags == null ? List.of() : List.copyOf(tags);
        model = model == null ? "" : model;
    }
}
