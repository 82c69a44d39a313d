package io.paperwire.app;

import io.paperwire.deliver.DeliverySettings;
import io.paperwire.render.NewsletterLayout;
import io.paperwire.roundup.RoundupSettings;
import io.paperwire.select.SelectionSettings;
import io.paperwire.select.personal.PersonalSettings;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;
import io.paperwire.source.SourceSettings;
import io.paperwire.subscribers.ListMailbox;
import io.paperwire.subscribers.SubscribeSettings;
import io.paperwire.summarize.LlmSettings;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every setting of Paperwire, the shared ones and each stage's own group, read in one pass of one
 * {@link SettingsReader}: a start with bad values in several groups names all of them at once.
 */
public record Configuration(PaperwireSettings settings, SourceSettings source, SelectionSettings selection,
                            LlmSettings llm, NewsletterLayout layout, DeliverySettings delivery,
                            SubscribeSettings subscribe, ListMailbox.Settings listMailbox, RoundupSettings roundup,
                            PersonalSettings personal) {

    /**
     * Settings as the process sees them: the bundled defaults, {@code paperwire.properties} in {@code home}, the
     * environment, the command line's {@code --set}.
     *
     * @throws PaperwireSettings.InvalidSettingsException listing every bad value of every group
     */
    public static Configuration load(Path home, Map<String, String> environment, Map<String, String> cliOverrides) {
        PaperwireSettings.Loaded loaded = PaperwireSettings.read(home, environment, cliOverrides);
        Configuration configuration = read(loaded.settings(), loaded.reader());
        loaded.reader().throwIfInvalid();
        return configuration;
    }

    /** The stages' groups for settings already loaded (tests, tools). */
    public static Configuration of(PaperwireSettings settings) {
        return SettingsReader.checked(settings.values(), r -> read(settings, r));
    }

    private static Configuration read(PaperwireSettings settings, SettingsReader reader) {
        return new Configuration(settings, SourceSettings.read(reader), SelectionSettings.read(settings, reader),
                LlmSettings.read(settings, reader), NewsletterLayout.read(reader), DeliverySettings.read(reader),
                SubscribeSettings.read(reader), ListMailbox.Settings.read(settings, reader), RoundupSettings.read(reader),
                PersonalSettings.read(reader));
    }
}
