/** Who receives the newsletter: the subscriber list, its states, and each subscriber's unsubscribe token. */
package io.paperwire.subscribers;
