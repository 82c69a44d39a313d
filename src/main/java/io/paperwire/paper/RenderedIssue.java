package io.paperwire.paper;

/**
 * An issue rendered for email. The HTML and text bodies hold placeholders for the per-subscriber parts
 * (the unsubscribe link), filled in at delivery.
 */
public record RenderedIssue(RunRequest request, long issueId, Issue issue, String subject, String html,
                            String text) {

    /** Where the HTML and text bodies hold each subscriber's own unsubscribe link, until delivery fills it in. */
    public static final String UNSUBSCRIBE_URL_SLOT = "%%UNSUBSCRIBE_URL%%";
}
