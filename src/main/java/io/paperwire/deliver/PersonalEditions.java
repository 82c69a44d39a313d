package io.paperwire.deliver;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.personalise.PersonaliseStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.personal.Pick;
import io.paperwire.subscribers.PersonalTokens;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.Subscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Each subscriber's own parts of an issue: the picks the personalise stage ranked and stored for them
 * ({@link PersonaliseStage}) drawn as their "For you" section ({@code email/for-you.*}), their preferences and
 * feedback tokens, and the short form of the issue if they asked for it.
 */
public final class PersonalEditions implements PersonalParts {

    public static final List<String> TEMPLATES = List.of(ForYouBlocks.HTML, ForYouBlocks.TEXT);

    private static final Logger LOG = LoggerFactory.getLogger(PersonalEditions.class);

    private final PreferencesStore preferences;
    private final PersonalTokens tokens;
    private final PersonaliseStage picks;
    private final TemplateEngine templates;
    private final UnaryOperator<RenderedIssue> shortForm;
    private final String baseUrl;

    public PersonalEditions(PreferencesStore preferences, PersonalTokens tokens, PersonaliseStage picks,
                            TemplateEngine templates, UnaryOperator<RenderedIssue> shortForm, String baseUrl) {
        this.preferences = preferences;
        this.tokens = tokens;
        this.picks = picks;
        this.templates = templates;
        this.shortForm = shortForm;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public ForIssue prepare(RenderedIssue issue) {
        long start = System.nanoTime();
        Set<Long> tldrOnly = preferences.readersOfTheShortFormat();
        Map<Long, List<Pick>> picks = this.picks.picks(issue);
        Optional<RenderedIssue> shortIssue = tldrOnly.isEmpty() ? Optional.empty() : Optional.of(shortForm.apply(issue));
        Prepared prepared = new Prepared(tldrOnly, picks, shortIssue);
        LOG.info("Personal parts of {} prepared in {} ms: {} readers with picks, {} of the short format",
                issue.issue().slug(), (System.nanoTime() - start) / 1_000_000,
                picks.values().stream().filter(l -> !l.isEmpty()).count(), tldrOnly.size());
        return prepared;
    }

    @Override
    public ForIssue linksOnly() {
        return new ForIssue() {
            @Override
            public Optional<RenderedIssue> shortIssue() {
                return Optional.empty();
            }

            @Override
            public Parts of(Subscriber subscriber) {
                return new Parts(false, QuotedPrintableTemplate.NOTHING, QuotedPrintableTemplate.NOTHING,
                        tokens.preferences(subscriber), arxivId -> "");
            }
        };
    }

    private final class Prepared implements ForIssue {
        private final Set<Long> tldrOnly;
        private final Map<Long, List<Pick>> picks;
        private final Optional<RenderedIssue> shortIssue;
        private final ForYouBlocks sections = new ForYouBlocks(templates, baseUrl);

        Prepared(Set<Long> tldrOnly, Map<Long, List<Pick>> picks, Optional<RenderedIssue> shortIssue) {
            this.tldrOnly = tldrOnly;
            this.picks = picks;
            this.shortIssue = shortIssue;
        }

        @Override
        public Optional<RenderedIssue> shortIssue() {
            return shortIssue;
        }

        @Override
        public Parts of(Subscriber subscriber) {
            boolean shortFormat = tldrOnly.contains(subscriber.id());
            String preferencesToken = tokens.preferences(subscriber);
            ForYouBlocks.Section section = sections.of(picks.getOrDefault(subscriber.id(), List.of()),
                    preferencesToken, arxivId -> tokens.feedback(subscriber, arxivId));
            return new Parts(shortFormat, section.html(), section.text(), preferencesToken,
                    arxivId -> tokens.feedback(subscriber, arxivId));
        }
    }
}
