package io.paperwire.personalise;

import io.paperwire.paper.PersonalisedIssue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.select.CandidateVectors;
import io.paperwire.select.personal.CandidatePool;
import io.paperwire.select.personal.PersonalPicks;
import io.paperwire.select.personal.PersonalSettings;
import io.paperwire.select.personal.Pick;
import io.paperwire.select.personal.ReaderProfile;
import io.paperwire.subscribers.FeedbackVote;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Ranks every reader who may get an issue (active subscribers, or the sample's demo reader) against the week's stored
 * candidates, once per issue, and stores their picks. Readers ranked before keep their picks: a rerun, a resumed
 * send and the deliver stage rank only readers who have none yet (a subscriber who joined since).
 */
public final class PersonaliseStage {

    private static final Logger LOG = LoggerFactory.getLogger(PersonaliseStage.class);

    private final SubscriberStore subscribers;
    private final PreferencesStore preferences;
    private final CandidateVectors candidates;
    private final PersonalSettings settings;
    private final ReaderProfiles profiles;
    private final StoredPicks stored;
    private final PersonalPicks ranking = new PersonalPicks();
    /** The picks this process just ranked and stored, handed to the delivery that follows without reading them back. */
    private final AtomicReference<Ranked> justRanked = new AtomicReference<>();

    private record Ranked(long issueId, Map<Long, List<Pick>> picks) {}

    public PersonaliseStage(SubscriberStore subscribers, PreferencesStore preferences, CandidateVectors candidates,
                            PersonalSettings settings, ReaderProfiles profiles, StoredPicks stored) {
        this.subscribers = subscribers;
        this.preferences = preferences;
        this.candidates = candidates;
        this.settings = settings;
        this.profiles = profiles;
        this.stored = stored;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The route's step before delivery: ranks and stores the picks of every reader who has none. */
    public PersonalisedIssue personalise(RenderedIssue issue) {
        if (!issue.request().send() || !settings.enabled()) {
            return new PersonalisedIssue(issue, 0, 0);
        }
        Set<Long> kept = stored.readers(issue.issueId());
        return new PersonalisedIssue(issue, rankMissing(issue, kept), kept.size());
    }

    /**
     * Every reader's picks of the issue, as stored, ranking (and storing) first whoever has none yet. Right after
     * {@link #personalise} ranked every reader, the picks come from memory.
     */
    public Map<Long, List<Pick>> picks(RenderedIssue issue) {
        if (!settings.enabled()) {
            return Map.of();
        }
        Ranked handed = justRanked.getAndSet(null);
        int rankedNow = rankMissing(issue, stored.readers(issue.issueId()));
        if (rankedNow > 0) {
            handed = justRanked.getAndSet(null); // set only when nobody's picks were stored before
        }
        return handed != null && handed.issueId() == issue.issueId() ? handed.picks() : stored.load(issue.issueId());
    }

    /**
     * @param done the readers whose picks of the issue are stored already
     * @return how many readers were ranked
     */
    private int rankMissing(RenderedIssue issue, Set<Long> done) {
        List<Subscriber> missing = recipients().stream().filter(s -> !done.contains(s.id())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        Map<Long, List<Pick>> ranked = rank(issue, missing);
        stored.save(issue.issueId(), ranked);
        if (done.isEmpty()) {
            justRanked.set(new Ranked(issue.issueId(), ranked));
        }
        LOG.info("Picks of {} readers for {} ranked and stored in {} ms ({} had theirs already)", missing.size(),
                issue.issue().slug(), (System.nanoTime() - start) / 1_000_000, done.size());
        return missing.size();
    }

    /** Ranks these readers against the week's stored candidates; empty when none are stored. */
    public Map<Long, List<Pick>> rank(RenderedIssue issue, List<Subscriber> readers) {
        long start = System.nanoTime();
        CandidatePool pool = candidates.pool(issue.issue().week());
        long loaded = System.nanoTime();
        Map<Long, List<Pick>> picks = new HashMap<>();
        if (pool.size() == 0) {
            LOG.info("No stored candidate vectors for {}: no \"For you\" sections", issue.issue().week());
            readers.forEach(r -> picks.put(r.id(), List.of()));
            return picks;
        }
        Map<Long, Preferences> chosen = preferences.all();
        Map<Long, List<FeedbackVote>> votes = preferences.allFeedback();
        List<ReaderProfile> profiled = new ArrayList<>(readers.size());
        for (Subscriber s : readers) {
            profiled.add(profiles.of(s.id(), chosen.get(s.id()), votes.getOrDefault(s.id(), List.of())));
        }
        Set<String> voted = profiled.stream().flatMap(r -> r.votes().stream()).map(ReaderProfile.Vote::arxivId)
                .collect(Collectors.toSet());
        Set<String> inEmail = issue.issue().papers().map(p -> p.paper().id().value()).collect(Collectors.toSet());
        for (PersonalPicks.ReaderPicks r : ranking.rank(pool, profiled, inEmail, candidates.of(voted))) {
            picks.put(r.readerId(), r.picks());
        }
        LOG.info("Ranked {} candidates for {} readers: {} ms to load the week, {} ms to rank", pool.size(),
                profiled.size(), (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        return picks;
    }

    private List<Subscriber> recipients() {
        List<Subscriber> all = new ArrayList<>(subscribers.inState(Subscriber.State.ACTIVE));
        all.addAll(subscribers.inState(Subscriber.State.DEMO));
        return all;
    }
}
