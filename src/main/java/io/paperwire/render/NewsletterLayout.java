package io.paperwire.render;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;

import io.paperwire.paper.SectionKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How editors lay out the newsletter, from settings: which sections the email shows and in what order
 * ({@code paperwire.email.sections}), how many papers "Trending on Hugging Face" lists ({@code paperwire.email.trending})
 * how many issues one archive index page lists ({@code paperwire.site.issues-per-page}) and how many papers one
 * page of a topic lists ({@code paperwire.site.papers-per-tag-page}).
 *
 * @param emailSections the sections in order
 */
public record NewsletterLayout(List<SectionKey> emailSections, int trending, int issuesPerPage, int papersPerTagPage) {

    public static final String SECTIONS_KEY = "paperwire.email.sections";
    public static final String TRENDING_KEY = "paperwire.email.trending";
    public static final String PAGE_SIZE_KEY = "paperwire.site.issues-per-page";
    public static final String TAG_PAGE_SIZE_KEY = "paperwire.site.papers-per-tag-page";

    public NewsletterLayout {
        emailSections = List.copyOf(emailSections);
    }

    /**
     * Reads and checks the layout keys.
     *
     * @throws PaperwireSettings.InvalidSettingsException naming each bad key, its value and how to fix it
     */
    public static NewsletterLayout from(PaperwireSettings settings) {
        return SettingsReader.checked(settings.values(), r -> read(r));
    }

    /** Reads the layout keys, adding every problem to {@code read}. */
    public static NewsletterLayout read(SettingsReader read) {
        String sectionsText = read.text(SECTIONS_KEY);
        List<SectionKey> sections = new ArrayList<>();
        try {
            Arrays.stream(sectionsText.split("[\\s,]+")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(SectionKey::parse).forEach(sections::add);
        } catch (IllegalArgumentException e) {
            sections.clear();
        }
        if (sections.isEmpty() || sections.stream().distinct().count() != sections.size()) {
            read.problem(SECTIONS_KEY + " = '" + sectionsText + "': list sections once each, in order, from "
                    + Arrays.stream(SectionKey.values()).map(SectionKey::id).collect(Collectors.joining(" ")));
        }
        int trending = read.integer(TRENDING_KEY, 0, 50);
        int perPage = read.integer(PAGE_SIZE_KEY, 1, 1000);
        int perTagPage = read.integer(TAG_PAGE_SIZE_KEY, 1, 10_000);
        return new NewsletterLayout(sections, trending, perPage, perTagPage);
    }
}
