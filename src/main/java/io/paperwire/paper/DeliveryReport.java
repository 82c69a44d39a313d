package io.paperwire.paper;

/**
 * What the delivery stage did for one issue.
 *
 * @param alreadySent subscribers skipped because an earlier run had delivered to them
 * @param bounced     recipients the server rejected for good in this run (now marked bounced)
 * @param unsent      recipients who have not had the issue after this send (pending or failed, not bounced): a
 *                    later run sends them exactly this
 * @param paused      why the send stopped before the end (an SMTP outage outlasted the wait, the error threshold
 *                    was reached, the login was refused), or empty
 */
public record DeliveryReport(RunRequest request, String issueSlug, int subscribers, int sent, int alreadySent,
                             int failed, int bounced, int unsent, String paused, String mailer) {

    public boolean isPaused() {
        return !paused.isEmpty();
    }

    /** True when the send did not reach every recipient: the run is {@code partial}. */
    public boolean isPartial() {
        return unsent > 0;
    }
}
