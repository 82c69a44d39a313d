/** Running Paperwire: the run log (one row per run with its state and report), and later the admin API, health and metrics. */
package io.paperwire.ops;
