package io.paperwire.subscribers;

import io.paperwire.app.Components;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.archive.IssueStore;
import io.paperwire.deliver.DeliveryFixture;
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
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.source.PaperStore;
import io.paperwire.testing.Eml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code paperwire serve}'s preferences and feedback pages, reached from the links of a delivered issue, over real
 * HTTP: the page opens from the email, a GET changes nothing, a forged or altered token changes nothing (4xx), and a
 * POSTed change shows in the next issue's "For you" section.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreferencesWebIT {

    static final Week FIRST = Week.parse("2024-W21");
    static final Week NEXT = Week.parse("2024-W22");

    @TempDir
    static Path home;

    PaperwireApplication app;
    Components components;
    PreferencesStore preferences;
    Subscriber ada;
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base;

    @BeforeAll
    void start() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PaperwireSettings settings = DeliveryFixture.settings(home, Map.of("paperwire.http.port", String.valueOf(port)));
        app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
        app.start();
        components = app.components();
        preferences = components.preferencesStore();
        ada = components.subscriberStore().add("ada@example.org");
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void thePreferencesLinkOfAnEmailOpensThePageAndAPostedChangeShapesTheNextIssue() throws Exception {
        String first = textOf(deliverWeek(FIRST, "2405"));
        assertThat(forYou(first)).as("the newsletter's interests (cs.CL) stand in").contains("Computation and Language")
                .doesNotContain("Robotics");
        String link = link(first, "/preferences\\?token=[A-Za-z0-9._-]+");

        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your preferences").contains("ada@example.org")
                .contains("name=\"topic.cs.RO\"").contains("Robotics");
        assertThat(preferences.of(ada.id())).as("a GET alone changes nothing").isEmpty();

        String altered = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");
        String otherReader = link.replace("token=p" + ada.id() + ".", "token=p" + (ada.id() + 1) + ".");
        for (String forged : List.of(altered, otherReader, "/preferences?token=p1.forged", "/preferences")) {
            assertThat(get(forged).statusCode()).as(forged).isBetween(400, 499);
            assertThat(post(forged, "topic.cs.RO=on&picks=2").statusCode()).as(forged).isBetween(400, 499);
        }
        assertThat(preferences.of(ada.id())).as("a forged token changes nothing").isEmpty();

        HttpResponse<String> saved = post(link, "weekly=on&topic.cs.RO=on&follows=&mutes=tactile&picks=2&format=full");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Saved");
        assertThat(preferences.of(ada.id()).orElseThrow().topics()).containsExactly("cs.RO");

        String next = forYou(textOf(deliverWeek(NEXT, "2406")));
        assertThat(next).contains("topic: Robotics").doesNotContain("Computation and Language")
                .doesNotContainIgnoringCase("tactile");
        assertThat(next.lines().filter(l -> l.startsWith("* ")).count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void feedbackLinksShowAButtonAndOnlyThePostRecordsTheVote() throws Exception {
        Path eml = outbox(NEXT).orElseThrow();
        String more = link(textOf(eml), "/feedback\\?token=[A-Za-z0-9._/-]+&vote=more");

        HttpResponse<String> page = get(more);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("More like this");
        assertThat(preferences.feedback(ada.id())).as("a GET alone changes nothing").isEmpty();

        String altered = more.replace("&vote=more", "").replaceAll(".$", "x") + "&vote=more";
        assertThat(post(altered, "vote=more").statusCode()).isBetween(400, 499);
        assertThat(preferences.feedback(ada.id())).isEmpty();

        HttpResponse<String> done = post(more.replace("&vote=more", ""), "vote=more");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Thank you");
        assertThat(preferences.feedback(ada.id())).singleElement().extracting(FeedbackVote::vote).isEqualTo(1);
    }

    @Test
    @Order(3)
    void theForgetButtonDeletesTheReadersDataAndVoidsTheirLinks() throws Exception {
        Subscriber bo = components.subscriberStore().add("bo@example.org");
        preferences.save(bo.id(), new Preferences(true, true, List.of("cs.CV"), List.of(), List.of(), List.of(), 1, null));
        preferences.vote(bo.id(), "2405.00001", 1);
        String link = "/preferences?token=" + components.personalTokens().preferences(bo);

        HttpResponse<String> forgotten = post(link, "action=forget");

        assertThat(forgotten.statusCode()).isEqualTo(200);
        assertThat(forgotten.body()).contains("Your data is deleted");
        assertThat(preferences.of(bo.id())).isEmpty();
        assertThat(preferences.feedback(bo.id())).isEmpty();
        assertThat(components.subscriberStore().find("bo@example.org")).isEmpty();
        assertThat(get(link).statusCode()).isEqualTo(403);
    }

    /** Publishes a week of one paper in the issue and six candidates (two each of cs.CV, cs.RO, cs.CL), and sends it. */
    Path deliverWeek(Week week, String prefix) {
        List<Paper> papers = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        String[][] topics = {{"cs.CV", "Images"}, {"cs.RO", "Robots"}, {"cs.CL", "Language"}};
        for (int t = 0; t < topics.length; t++) {
            for (int k = 1; k <= 2; k++) {
                papers.add(paper(prefix + ".000" + t + k, topics[t][0], topics[t][1] + " paper " + k,
                        k == 2 && t == 1 ? "Tactile sensing for robots." : topics[t][1] + " for everyone."));
                float[] v = new float[8];
                v[t] = 1;
                v[3 + k] = 0.1f;
                vectors.add(v);
            }
        }
        Paper inIssue = paper(prefix + ".09999", "cs.LG", "The issue's own paper", "Optimisation.");
        papers.add(inIssue);
        vectors.add(new float[] {0, 0, 0, 1, 0, 0, 0, 0});
        new PaperStore(app.database()).saveAll(papers);
        components.candidateVectors().store(week.toString(), papers, vectors);
        Issue issue = new Issue(week, 1, "Paperwire " + week, Instant.now(), List.of(new Section(SectionKey.HIGHLIGHTS,
                List.of(new SelectedPaper(inIssue, 50, List.of(), null)))));
        RenderedIssue draft = components.renderer().renderEmail(RunRequest.of(week), 0, issue);
        long id = app.database().inTransaction((Connection c) -> new IssueStore(app.database()).insert(c, draft));
        components.deliverer().deliver(new RenderedIssue(draft.request(), id, issue, draft.subject(), draft.html(),
                draft.text()));
        return outbox(week).orElseThrow();
    }

    static Paper paper(String id, String category, String title, String abstractText) {
        return new Paper(new ArxivId(id), 1, title, abstractText, List.of(new Author("A. Author", "")), category,
                List.of(category), Instant.parse("2024-05-20T10:00:00Z"), null, null, null, null, Signals.NONE);
    }

    java.util.Optional<Path> outbox(Week week) {
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(week + "-" + ada.id() + ".")
                    || f.getFileName().toString().equals(week + "-" + ada.id() + ".eml")).findFirst();
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    static String textOf(Path eml) {
        try {
            return Eml.part(Eml.read(eml), "text/plain");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String forYou(String text) {
        int start = text.indexOf("FOR YOU");
        return start < 0 ? "" : text.substring(start, text.indexOf("Picked for you", start));
    }

    /** The path and query of the first link matching {@code pathPattern} in the email's text. */
    static String link(String text, String pathPattern) {
        Matcher m = Pattern.compile(Pattern.quote(DeliveryFixture.BASE_URL) + "(" + pathPattern + ")").matcher(text);
        assertThat(m.find()).as("a link " + pathPattern + " in\n" + text).isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
