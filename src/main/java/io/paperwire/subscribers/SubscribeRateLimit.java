package io.paperwire.subscribers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} subscribe requests per client address in any sliding hour, so nobody can use the form to
 * mail-bomb strangers with confirmation requests. Kept in memory: a restart forgets, which is fine for this purpose.
 */
public final class SubscribeRateLimit {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Deque<Long>> requests = new ConcurrentHashMap<>();

    public SubscribeRateLimit(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Records a request from {@code client}; false when it is over the limit (and then it is not counted). */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        long since = now - WINDOW.toMillis();
        if (requests.size() > MAX_TRACKED) {
            requests.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || times.peekLast() < since;
                }
            });
        }
        Deque<Long> times = requests.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < since) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
