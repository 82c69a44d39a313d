package io.paperwire.paper;

import java.util.List;

/**
 * What the community says about a paper, gathered from Hugging Face Daily Papers. A paper that Hugging Face
 * did not feature has {@link #NONE}.
 */
public record Signals(boolean onHuggingFace, int upvotes, int comments, String githubRepo, String projectPage,
                      String aiSummary, List<String> aiKeywords) {

    public static final Signals NONE = new Signals(false, 0, 0, "", "", "", List.of());

    public Signals {
        githubRepo = githubRepo == null ? "" : githubRepo;
        projectPage = projectPage == null ? "" : projectPage;
        aiSummary = aiSummary == null ? "" : aiSummary;
        aiKeywords = aiKeywords == null ? List.of() : List.copyOf(aiKeywords);
    }

    /** Combines the signals of the same paper seen on several days or views: the strongest figures win. */
    public Signals mergedWith(Signals other) {
        if (!other.onHuggingFace) {
            return this;
        }
        if (!onHuggingFace) {
            return other;
        }
        return new Signals(true, Math.max(upvotes, other.upvotes), Math.max(comments, other.comments),
                githubRepo.isEmpty() ? other.githubRepo : githubRepo,
                projectPage.isEmpty() ? other.projectPage : projectPage,
                aiSummary.isEmpty() ? other.aiSummary : aiSummary,
                aiKeywords.isEmpty() ? other.aiKeywords : aiKeywords);
    }

    public String huggingFaceUrl(ArxivId id) {
        return onHuggingFace ? "https://huggingface.co/papers/" + id.value() : "";
    }
}
