package io.paperwire.render;

import io.paperwire.PaperwireSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How editors lay out the newsletter, from settings: which sections the email shows and in what order
 * ({@code paperwire.email.sections}), how many papers "Trending on Hugging Face" lists ({@code paperwire.email.trending})
 * how many issues one archive index page lists ({@code paperwire.site.issues-per-page}) and how many papers one
 * page of a topic lists ({@code paperwire.site.papers-per-tag-page}).
 *
 * @param emailSections section keys in order: {@value #TRENDING} or the key of one of the issue's sections
 */
public record NewsletterLayout(List<String> emailSections, int trending, int issuesPerPage, int papersPerTagPage) {

    /** The section made at render time from the issue's papers with the most Hugging Face upvotes. */
    public static final String TRENDING = "trending";

    public static final String SECTIONS_KEY = "paperwire.email.sections";
    public static final String TRENDING_KEY = "paperwire.email.trending";
    public static final String PAGE_SIZE_KEY = "paperwire.site.issues-per-page";
    public static final String TAG_PAGE_SIZE_KEY = "paperwire.site.papers-per-tag-page";

    public static final NewsletterLayout DEFAULT = new NewsletterLayout(
            List.of(TRENDING, "highlights", "noteworthy"), 5, 20, 100);

    public NewsletterLayout {
        emailSections = List.copyOf(emailSections);
    }

    /**
     * Reads and checks the layout keys.
     *
     * @throws PaperwireSettings.InvalidSettingsException naming each bad key, its value and how to fix it
     */
    public static NewsletterLayout from(PaperwireSettings settings) {
        List<String> problems = new ArrayList<>();
        String sectionsText = settings.values().getOrDefault(SECTIONS_KEY, String.join(" ", DEFAULT.emailSections()));
        List<String> sections = Arrays.stream(sectionsText.split("[\\s,]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (sections.isEmpty() || sections.stream().anyMatch(s -> !s.matches("[a-z][a-z0-9-]*"))
                || sections.stream().distinct().count() != sections.size()) {
            problems.add(SECTIONS_KEY + " = '" + sectionsText + "': list section keys once each, in order, e.g. '"
                    + String.join(" ", DEFAULT.emailSections()) + "'");
        }
        int trending = number(settings, TRENDING_KEY, DEFAULT.trending(), 0, 50, problems);
        int perPage = number(settings, PAGE_SIZE_KEY, DEFAULT.issuesPerPage(), 1, 1000, problems);
        int perTagPage = number(settings, TAG_PAGE_SIZE_KEY, DEFAULT.papersPerTagPage(), 1, 10_000, problems);
        if (!problems.isEmpty()) {
            throw new PaperwireSettings.InvalidSettingsException("Invalid settings:\n  " + String.join("\n  ", problems));
        }
        return new NewsletterLayout(sections, trending, perPage, perTagPage);
    }

    private static int number(PaperwireSettings settings, String key, int fallback, int min, int max,
                              List<String> problems) {
        String text = settings.values().getOrDefault(key, String.valueOf(fallback)).strip();
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(key + " = '" + text + "': give a whole number from " + min + " to " + max
                + " (in paperwire.properties, " + PaperwireSettings.environmentName(key) + " or --set " + key + "=…)");
        return fallback;
    }
}
