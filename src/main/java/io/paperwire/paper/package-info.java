/**
 * The records every stage shares: a {@link io.paperwire.paper.Paper} and its parts, the ISO {@link io.paperwire.paper.Week}
 * a run covers, and the bodies handed from stage to stage ({@link io.paperwire.paper.RunRequest} →
 * {@link io.paperwire.paper.Candidates} → {@link io.paperwire.paper.Selection} → {@link io.paperwire.paper.Issue} …).
 * No behaviour beyond derivations of their own fields lives here.
 */
package io.paperwire.paper;
