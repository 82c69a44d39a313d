/**
 * Who receives the newsletter: the subscriber list and its states ({@link io.paperwire.subscribers.SubscriberStore}),
 * CSV import ({@link io.paperwire.subscribers.CsvImport}), HMAC-signed confirm and unsubscribe links
 * ({@link io.paperwire.subscribers.SubscriptionTokens}, keyed by {@link io.paperwire.subscribers.ServerSecret}), and
 * self-service subscription with double opt-in and RFC 8058 one-click unsubscribe
 * ({@link io.paperwire.subscribers.SubscriptionService}, served by {@link io.paperwire.subscribers.SubscriptionPages});
 * unsubscribe mails and bounce reports read from the From address's mailbox ({@link io.paperwire.subscribers.ListMailbox}).
 */
package io.paperwire.subscribers;
