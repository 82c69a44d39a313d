package io.paperwire.deliver;

import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.CandidateVectors;
import io.paperwire.select.personal.CandidatePool;
import io.paperwire.select.personal.PersonalPicks;
import io.paperwire.select.personal.PersonalSettings;
import io.paperwire.select.personal.Pick;
import io.paperwire.select.personal.ReaderProfile;
import io.paperwire.subscribers.FeedbackVote;
import io.paperwire.subscribers.PersonalTokens;
import io.paperwire.subscribers.Preferences;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Each subscriber's own parts of an issue: their preferences and feedback become a {@link ReaderProfile}, every
 * reader is ranked at once against the week's stored candidates ({@link PersonalPicks}), and each message gets the
 * reader's "For you" section ({@code email/for-you.*}), their preferences and feedback tokens, and the short form of
 * the issue if they asked for it. A reader with no interests of their own gets picks from the newsletter's interests
 * ({@code paperwire.personal.default-picks} of them).
 */
public final class PersonalEditions implements PersonalParts {

    public static final String HTML = "email/for-you.html.ftlh";
    public static final String TEXT = "email/for-you.txt.ftl";
    public static final List<String> TEMPLATES = List.of(HTML, TEXT);

    private static final Logger LOG = LoggerFactory.getLogger(PersonalEditions.class);
    private static final int SNIPPET = 220;

    /** The newsletter's own interests, which stand in for a reader's when they chose none. */
    public record DefaultInterests(List<String> topics, List<String> follows, List<String> authors) {}

    private final SubscriberStore subscribers;
    private final PreferencesStore preferences;
    private final PersonalTokens tokens;
    private final CandidateVectors candidates;
    private final TemplateEngine templates;
    private final UnaryOperator<RenderedIssue> shortForm;
    private final PersonalSettings settings;
    private final DefaultInterests defaults;
    private final String baseUrl;
    private final PersonalPicks ranking = new PersonalPicks();

    public PersonalEditions(SubscriberStore subscribers, PreferencesStore preferences, PersonalTokens tokens,
                            CandidateVectors candidates, TemplateEngine templates, UnaryOperator<RenderedIssue> shortForm,
                            PersonalSettings settings, DefaultInterests defaults, String baseUrl) {
        this.subscribers = subscribers;
        this.preferences = preferences;
        this.tokens = tokens;
        this.candidates = candidates;
        this.templates = templates;
        this.shortForm = shortForm;
        this.settings = settings;
        this.defaults = defaults;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public ForIssue prepare(RenderedIssue issue) {
        long start = System.nanoTime();
        Map<Long, Preferences> chosen = preferences.all();
        Map<Long, List<FeedbackVote>> votes = preferences.allFeedback();
        Map<Long, List<Pick>> picks = new HashMap<>();
        if (settings.enabled()) {
            picks = rank(issue, chosen, votes);
        }
        Optional<RenderedIssue> shortIssue = chosen.values().stream().anyMatch(p -> p.format() == Preferences.Format.SHORT)
                ? Optional.of(shortForm.apply(issue)) : Optional.empty();
        LOG.info("Personal parts of {} prepared in {} ms: {} readers with picks, {} with preferences",
                issue.issue().slug(), (System.nanoTime() - start) / 1_000_000,
                picks.values().stream().filter(l -> !l.isEmpty()).count(), chosen.size());
        return new Prepared(chosen, picks, shortIssue);
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
                return new Parts(false, "", "", tokens.preferences(subscriber), arxivId -> "");
            }
        };
    }

    /** Ranks every reader who may get this issue (active, or the sample's demo reader). */
    public Map<Long, List<Pick>> rank(RenderedIssue issue, Map<Long, Preferences> chosen,
                                      Map<Long, List<FeedbackVote>> votes) {
        long start = System.nanoTime();
        CandidatePool pool = candidates.pool(issue.issue().week());
        long loaded = System.nanoTime();
        if (pool.size() == 0) {
            LOG.info("No stored candidate vectors for {}: no \"For you\" sections", issue.issue().week());
            return Map.of();
        }
        List<ReaderProfile> readers = new ArrayList<>();
        for (Subscriber s : recipients()) {
            readers.add(profile(s.id(), chosen.get(s.id()), votes.getOrDefault(s.id(), List.of())));
        }
        Set<String> voted = votes.values().stream().flatMap(List::stream).map(FeedbackVote::arxivId)
                .collect(Collectors.toSet());
        Set<String> inEmail = issue.issue().papers().map(p -> p.paper().id().value()).collect(Collectors.toSet());
        Map<Long, List<Pick>> picks = new HashMap<>();
        for (PersonalPicks.ReaderPicks r : ranking.rank(pool, readers, inEmail, candidates.of(voted))) {
            picks.put(r.readerId(), r.picks());
        }
        LOG.info("Ranked {} candidates for {} readers: {} ms to load the week, {} ms to rank", pool.size(),
                readers.size(), (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        return picks;
    }

    private List<Subscriber> recipients() {
        List<Subscriber> all = new ArrayList<>(subscribers.inState(Subscriber.State.ACTIVE));
        all.addAll(subscribers.inState(Subscriber.State.DEMO));
        return all;
    }

    /** A reader's profile: their own interests, or the newsletter's when they chose none; their mutes and votes. */
    ReaderProfile profile(long id, Preferences p, List<FeedbackVote> votes) {
        Preferences own = p == null ? Preferences.DEFAULT : p;
        int count = own.picks() != null ? own.picks() : settings.defaultPicks();
        List<ReaderProfile.Vote> profileVotes = votes.stream()
                .map(v -> new ReaderProfile.Vote(v.arxivId(), v.vote())).toList();
        if (own.hasInterests()) {
            return new ReaderProfile(id, own.topics(), own.follows(), own.mutes(), own.authors(), count, profileVotes);
        }
        return new ReaderProfile(id, defaults.topics(), defaults.follows(), own.mutes(), defaults.authors(), count,
                profileVotes);
    }

    /** The view of one pick the templates draw. */
    public record PickView(Paper paper, String authors, List<String> reasons, String snippet, String moreUrl,
                           String lessUrl) {}

    private final class Prepared implements ForIssue {
        private final Map<Long, Preferences> chosen;
        private final Map<Long, List<Pick>> picks;
        private final Optional<RenderedIssue> shortIssue;

        Prepared(Map<Long, Preferences> chosen, Map<Long, List<Pick>> picks, Optional<RenderedIssue> shortIssue) {
            this.chosen = chosen;
            this.picks = picks;
            this.shortIssue = shortIssue;
        }

        @Override
        public Optional<RenderedIssue> shortIssue() {
            return shortIssue;
        }

        @Override
        public Parts of(Subscriber subscriber) {
            Preferences own = chosen.get(subscriber.id());
            boolean tldrOnly = own != null && own.format() == Preferences.Format.SHORT;
            String preferencesToken = tokens.preferences(subscriber);
            List<Pick> mine = picks.getOrDefault(subscriber.id(), List.of());
            String html = "";
            String text = "";
            if (!mine.isEmpty()) {
                Map<String, Object> model = new HashMap<>();
                model.put("picks", mine.stream().map(p -> view(subscriber, p)).toList());
                model.put("preferencesUrl", baseUrl + "/preferences?token=" + preferencesToken);
                html = templates.render(HTML, model);
                text = templates.render(TEXT, model);
            }
            return new Parts(tldrOnly, html, text, preferencesToken, arxivId -> tokens.feedback(subscriber, arxivId));
        }

        private PickView view(Subscriber subscriber, Pick pick) {
            String feedback = baseUrl + "/feedback?token=" + tokens.feedback(subscriber, pick.paper().id().value());
            return new PickView(pick.paper(), authors(pick.paper()), pick.reasons(), snippet(pick.paper()),
                    feedback + "&vote=more", feedback + "&vote=less");
        }
    }

    static String authors(Paper paper) {
        List<String> names = paper.authors().stream().map(Author::name).toList();
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " et al.";
    }

    /** The abstract's first sentence, cut to a line or two. */
    static String snippet(Paper paper) {
        String text = paper.abstractText().replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        String first = end > 0 ? text.substring(0, end + 1) : text;
        return first.length() <= SNIPPET ? first : first.substring(0, SNIPPET - 1).strip() + "…";
    }

}
