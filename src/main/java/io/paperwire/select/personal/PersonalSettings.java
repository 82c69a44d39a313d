package io.paperwire.select.personal;

import io.paperwire.settings.SettingsReader;

/**
 * Personal picks ({@code paperwire.personal.*}).
 *
 * @param enabled      whether candidates are embedded for personal picks and emails carry a "For you" section
 * @param defaultPicks how many picks a reader gets who did not choose a number; those who set no interests of their
 *                     own get them from the newsletter's interests; 0: none for them
 */
public record PersonalSettings(boolean enabled, int defaultPicks) {

    /** Reads {@code paperwire.personal.*}, adding every problem to {@code read}. */
    public static PersonalSettings read(SettingsReader read) {
        return new PersonalSettings(read.bool("paperwire.personal.enabled"),
                read.integer("paperwire.personal.default-picks", 0, 10));
    }
}
