/**
 * Small tools every stage may use, and nothing else: retry backoff and the server's {@code Retry-After}
 * ({@link io.paperwire.common.Backoff}, {@link io.paperwire.common.RetryAfter}), pacing of requests
 * ({@link io.paperwire.common.Pacer} for one-at-a-time services like arXiv, {@link io.paperwire.common.RateLimiter}
 * for "at most N in any window"), the capped list of problems a lenient parser collects
 * ({@link io.paperwire.common.ProblemList}) and progress reporting. It imports no other Paperwire package.
 */
package io.paperwire.common;
