/**
 * The select stage: ranks the week's candidates against the newsletter's interests and fills the sections,
 * recording for each paper why it was chosen.
 */
package io.paperwire.select;
