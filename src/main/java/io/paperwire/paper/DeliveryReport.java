package io.paperwire.paper;

/**
 * What the delivery stage did for one issue.
 *
 * @param alreadySent subscribers skipped because an earlier run had delivered to them
 * @param bounced     recipients the server rejected for good in this run (now marked bounced)
 * @param paused      why the send stopped before the end (the error threshold was reached), or empty
 */
public record DeliveryReport(RunRequest request, String issueSlug, int subscribers, int sent, int alreadySent,
                             int failed, int bounced, String paused, String mailer) {

    public boolean isPaused() {
        return !paused.isEmpty();
    }
}
