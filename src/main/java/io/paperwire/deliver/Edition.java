package io.paperwire.deliver;

import io.paperwire.paper.RenderedIssue;

/**
 * One edition of the newsletter to mail: a weekly issue or a roundup. The delivery log keys its rows by {@code id}
 * (the edition's row in the issues table), the Message-IDs by {@code slug} ({@code 2024-W21}, {@code roundup-2024-05}).
 * The HTML and text bodies hold {@link RenderedIssue#UNSUBSCRIBE_URL_SLOT} where each subscriber's link goes.
 */
public record Edition(long id, String slug, String subject, String html, String text) {

    /** What one send of an edition did, as {@link io.paperwire.paper.DeliveryReport} says it for a weekly issue. */
    public record Report(String slug, int subscribers, int sent, int alreadySent, int failed, int bounced, int unsent,
                         String paused, String mailer) {

        public boolean isPartial() {
            return unsent > 0;
        }
    }

    public static Edition of(RenderedIssue issue) {
        return new Edition(issue.issueId(), issue.issue().slug(), issue.subject(), issue.html(), issue.text());
    }
}
