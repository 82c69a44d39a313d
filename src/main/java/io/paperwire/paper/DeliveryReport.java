package io.paperwire.paper;

/**
 * What the delivery stage did for one issue.
 *
 * @param alreadySent subscribers skipped because an earlier run had delivered to them
 */
public record DeliveryReport(RunRequest request, String issueSlug, int subscribers, int sent, int alreadySent,
                             int failed, String mailer) {}
