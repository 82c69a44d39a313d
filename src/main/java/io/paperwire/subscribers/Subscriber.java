package io.paperwire.subscribers;

/** One address on the list. {@code token} is the subscriber's secret for unsubscribe links. */
public record Subscriber(long id, String email, State state, String token) {

    public enum State {
        ACTIVE, PENDING, UNSUBSCRIBED, BOUNCED,
        /** The sample run's stand-in reader; never mailed by a live run. */
        DEMO;

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String column) {
            return valueOf(column.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
