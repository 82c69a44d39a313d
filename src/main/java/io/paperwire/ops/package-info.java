/**
 * Running Paperwire: the runs table ({@link io.paperwire.ops.RunLog}), the one-run-per-week locks
 * ({@link io.paperwire.ops.WeekLocks}), editorial approval ({@link io.paperwire.ops.Approvals}), the run routes' steps
 * ({@link io.paperwire.ops.RunSteps}, bean {@code runs}), stage timings, the schedule, alerts, the admin API, health and
 * metrics. Runs are observed through what the stages return ({@link io.paperwire.ops.RunOutcome}).
 */
package io.paperwire.ops;
