/**
 * The personalise stage, between publishing an issue and mailing it: every reader's "For you" picks, ranked at once
 * against the week's stored candidates ({@link io.paperwire.select.personal.PersonalPicks}) from their preferences and
 * feedback ({@link io.paperwire.personalise.ReaderProfiles}), and stored per issue
 * ({@link io.paperwire.personalise.StoredPicks}) so that delivery, a resumed send and a retry all mail the same picks
 * without ranking again.
 */
package io.paperwire.personalise;
