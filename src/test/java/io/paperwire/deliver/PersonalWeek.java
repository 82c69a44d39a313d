package io.paperwire.deliver;

import io.paperwire.archive.IssueStore;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Section;
import io.paperwire.paper.SectionKey;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Signals;
import io.paperwire.paper.Summary;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.CandidateVectors;
import io.paperwire.source.PaperStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic week for the personal-picks benchmark: {@code candidates} papers with random titles and abstracts
 * drawn from a 5,000-word vocabulary, 20 categories and 3,000 authors, each with a random unit vector of 384
 * dimensions (the ranking's cost does not depend on what the vectors mean); 500 papers of the week before, which the
 * readers voted on; every subscriber with preferences of their own (1 to 3 topics, 1 or 2 followed keywords, one
 * muted keyword in three, a followed author in five, 3 to 5 picks) and two votes; and an issue of 8 papers rendered
 * with the real templates (the For-you slot, feedback links, preferences link).
 */
final class PersonalWeek {

    static final int DIMENSIONS = 384;
    static final int LAST_WEEK = 500;
    static final String[] CATEGORIES = {"cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.RO", "cs.IR", "cs.NE", "cs.HC",
            "cs.CR", "cs.MA", "cs.SD", "eess.AS", "eess.IV", "stat.ML", "math.OC", "cs.DC", "cs.SE", "cs.GR", "cs.CY",
            "q-bio.NC"};

    private final Random random;
    private final String[] words = new String[5000];
    private final String[] authors = new String[3000];
    private List<Paper> inIssue = List.of();

    PersonalWeek(long seed) {
        random = new Random(seed);
        for (int i = 0; i < words.length; i++) {
            words[i] = word(4 + random.nextInt(7));
        }
        for (int i = 0; i < authors.length; i++) {
            authors[i] = capital(word(5)) + " " + capital(word(7));
        }
    }

    /** Stores the week and the readers' preferences in the fixture's database; returns the issue, published. */
    RenderedIssue prepare(DeliveryFixture fixture, int subscribers, int candidates) {
        List<Paper> lastWeek = papers("2405.2", LAST_WEEK);
        List<Paper> week = papers("2405.1", candidates);
        PaperStore papers = new PaperStore(fixture.database);
        papers.saveAll(lastWeek);
        papers.saveAll(week);
        CandidateVectors vectors = new CandidateVectors(fixture.database, () -> null, true);
        vectors.store("2024-W20", lastWeek, unitVectors(LAST_WEEK));
        for (int from = 0; from < candidates; from += 2000) {
            int to = Math.min(candidates, from + 2000);
            vectors.store(DeliveryFixture.WEEK.toString(), week.subList(from, to), unitVectors(to - from));
        }
        fixture.addSubscribers(0, subscribers);
        readers(fixture, subscribers, lastWeek);
        inIssue = week.subList(0, 8);
        return publish(fixture, 1);
    }

    private void readers(DeliveryFixture fixture, int subscribers, List<Paper> lastWeek) {
        List<Long> ids = fixture.database.query("SELECT id FROM subscribers ORDER BY id", row -> row.getLong("id"));
        Timestamp now = Timestamp.from(Instant.now());
        fixture.database.inTransaction((Connection c) -> {
            try (PreparedStatement prefs = c.prepareStatement("INSERT INTO subscriber_preferences (subscriber_id, weekly,"
                    + " roundups, topics, follow_keywords, mute_keywords, follow_authors, picks, email_format, updated_at)"
                    + " VALUES (?, TRUE, TRUE, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement votes = c.prepareStatement("INSERT INTO feedback (subscriber_id, arxiv_id, vote,"
                         + " created_at) VALUES (?, ?, ?, ?)")) {
                for (long id : ids) {
                    List<String> topics = new ArrayList<>();
                    for (int t = 1 + random.nextInt(3); t > 0; t--) {
                        topics.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
                    }
                    prefs.setLong(1, id);
                    prefs.setString(2, String.join("\n", topics.stream().distinct().toList()));
                    prefs.setString(3, random.nextBoolean() ? words[random.nextInt(words.length)]
                            : words[random.nextInt(words.length)] + "\n" + words[random.nextInt(words.length)]);
                    prefs.setString(4, random.nextInt(3) == 0 ? words[random.nextInt(words.length)] : "");
                    prefs.setString(5, random.nextInt(5) == 0 ? authors[random.nextInt(authors.length)] : "");
                    prefs.setInt(6, 3 + random.nextInt(3));
                    prefs.setString(7, id % 10 == 0 ? "short" : "full");
                    prefs.setTimestamp(8, now);
                    prefs.addBatch();
                    int first = random.nextInt(LAST_WEEK);
                    int second = (first + 1 + random.nextInt(LAST_WEEK - 1)) % LAST_WEEK;
                    for (int[] vote : new int[][] {{first, 1}, {second, random.nextBoolean() ? 1 : -1}}) {
                        votes.setLong(1, id);
                        votes.setString(2, lastWeek.get(vote[0]).id().value());
                        votes.setInt(3, vote[1]);
                        votes.setTimestamp(4, now);
                        votes.addBatch();
                    }
                }
                prefs.executeBatch();
                votes.executeBatch();
            }
            return null;
        });
    }

    /** Publishes one more edition of the week's issue (a send per edition: the delivery log sends each once). */
    RenderedIssue publish(DeliveryFixture fixture, int edition) {
        List<Paper> chosen = inIssue;
        List<SelectedPaper> highlights = new ArrayList<>();
        List<SelectedPaper> noteworthy = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Paper p = chosen.get(i);
            Summary summary = new Summary(sentence(25), sentence(60), List.of(sentence(12), sentence(12)),
                    sentence(20), sentence(20), List.of("bench"), "bench", false);
            (i < 4 ? highlights : noteworthy).add(new SelectedPaper(p, 80 - i, List.of(), summary));
        }
        Issue issue = new Issue(DeliveryFixture.WEEK, edition, "Paperwire " + DeliveryFixture.WEEK
                + (edition > 1 ? " (edition " + edition + ")" : ""), Instant.now(),
                List.of(new Section(SectionKey.HIGHLIGHTS, highlights), new Section(SectionKey.NOTEWORTHY, noteworthy)));
        RenderStage renderer = new RenderStage(new TemplateEngine(java.nio.file.Path.of("no-editor-templates")),
                fixture.settings, selection -> 1, Clock.systemUTC());
        RenderedIssue draft = renderer.renderEmail(RunRequest.of(DeliveryFixture.WEEK), 0, issue);
        long id = fixture.database.inTransaction((Connection c) -> new IssueStore(fixture.database).insert(c, draft));
        return new RenderedIssue(draft.request(), id, issue, draft.subject(), draft.html(), draft.text());
    }

    private List<Paper> papers(String prefix, int count) {
        List<Paper> papers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> categories = new ArrayList<>(List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]));
            if (random.nextBoolean()) {
                categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            }
            List<Author> byline = new ArrayList<>();
            for (int a = 1 + random.nextInt(5); a > 0; a--) {
                byline.add(new Author(authors[random.nextInt(authors.length)], ""));
            }
            papers.add(new Paper(new ArxivId(String.format("%s%04d", prefix, i)), 1, capital(sentence(9)),
                    capital(sentence(150)), byline, categories.get(0), categories.stream().distinct().toList(),
                    Instant.parse("2024-05-20T12:00:00Z"), null, null, null, null,
                    random.nextInt(4) == 0 ? new Signals(true, random.nextInt(80), 0, "", "", "", List.of()) : Signals.NONE));
        }
        return papers;
    }

    private List<float[]> unitVectors(int count) {
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[DIMENSIONS];
            double norm = 0;
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < DIMENSIONS; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        return vectors;
    }

    private String sentence(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return s.append('.').toString();
    }

    private String word(int length) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < length; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
