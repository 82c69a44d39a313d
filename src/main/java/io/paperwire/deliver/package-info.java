/**
 * The deliver stage: one message per subscriber, recorded in the delivery log before it is handed to the
 * {@link io.paperwire.deliver.Mailer} and marked sent only once the mailer accepted it, so a rerun sends exactly
 * what is missing. Mailers: {@link io.paperwire.deliver.OutboxMailer} (the default, {@code .eml} files) and
 * {@link io.paperwire.deliver.SmtpMailer} (Jakarta Mail).
 */
package io.paperwire.deliver;
