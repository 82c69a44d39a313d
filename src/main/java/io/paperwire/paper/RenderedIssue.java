package io.paperwire.paper;

import java.util.regex.Pattern;

/**
 * An issue rendered for email. The HTML and text bodies hold placeholders for the per-subscriber parts
 * (the unsubscribe link, the preferences and feedback links, the "For you" section), filled in at delivery.
 */
public record RenderedIssue(RunRequest request, long issueId, Issue issue, String subject, String html,
                            String text) {

    /** Where the HTML and text bodies hold each subscriber's own unsubscribe link, until delivery fills it in. */
    public static final String UNSUBSCRIBE_URL_SLOT = "%%UNSUBSCRIBE_URL%%";
    /** The token of the subscriber's preferences link. */
    public static final String PREFERENCES_TOKEN_SLOT = "%%PREFERENCES_TOKEN%%";
    /** The subscriber's "For you" section: a comment in the HTML (so the HTML tools keep it in its table row). */
    public static final String PERSONAL_HTML_SLOT = "<!--%%PERSONAL_HTML%%-->";
    public static final String PERSONAL_TEXT_SLOT = "%%PERSONAL_TEXT%%";
    /** {@code %%FEEDBACK:<arXiv id>%%}: the token of the subscriber's feedback link on that paper. */
    public static final String FEEDBACK_SLOT_PREFIX = "%%FEEDBACK:";
    /** Every per-subscriber placeholder. */
    public static final Pattern SLOTS = Pattern.compile("<!--%%PERSONAL_HTML%%-->|%%(?:UNSUBSCRIBE_URL|PREFERENCES_TOKEN"
            + "|PERSONAL_TEXT|FEEDBACK:[A-Za-z0-9./-]{1,40})%%");

    /**
     * A body as a preview shows it, where no subscriber fills the placeholders: the unsubscribe link is
     * {@code unsubscribeUrl}, every token is {@code preview}, and the "For you" section is left out.
     */
    public static String forPreview(String body, String unsubscribeUrl) {
        return SLOTS.matcher(body).replaceAll(slot -> switch (slot.group()) {
            case UNSUBSCRIBE_URL_SLOT -> java.util.regex.Matcher.quoteReplacement(unsubscribeUrl);
            case PERSONAL_HTML_SLOT, PERSONAL_TEXT_SLOT -> "";
            default -> "preview";
        });
    }

    /** The placeholder of the feedback token on one paper. */
    public static String feedbackSlot(String arxivId) {
        return FEEDBACK_SLOT_PREFIX + arxivId + "%%";
    }
}
