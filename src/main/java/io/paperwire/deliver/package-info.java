/**
 * The deliver stage: one message per subscriber, recorded in the {@link io.paperwire.deliver.DeliveryLog} before it
 * is handed to the {@link io.paperwire.mail.Mailer} and marked sent only once the server accepted it, so a rerun
 * sends exactly what is missing. {@link io.paperwire.deliver.DeliverStage} runs the workers (retries with backoff,
 * bounces, the error threshold that pauses a send, the rate limit); {@link io.paperwire.deliver.MessageFactory}
 * builds each message with the list headers; mailers: {@link io.paperwire.deliver.OutboxMailer} (the default,
 * {@code .eml} files) and {@link io.paperwire.deliver.SmtpMailer} (a pool of connected Jakarta Mail transports).
 * Each message carries a signed {@link io.paperwire.deliver.SentMessageId}, so {@link io.paperwire.deliver.BounceReports}
 * can trust a bounce report that arrives later and mark that subscriber bounced.
 */
package io.paperwire.deliver;
