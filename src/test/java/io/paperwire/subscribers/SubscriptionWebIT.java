package io.paperwire.subscribers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.deliver.DeliveryFixture;
import io.paperwire.deliver.DeliverySettings;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code paperwire serve}'s subscribe, confirm and unsubscribe endpoints, over real HTTP. One application serves the
 * whole class (starting one takes seconds); each test uses addresses of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionWebIT {

    static final int HOURLY_LIMIT = 40;

    @TempDir
    static Path home;

    PaperwireApplication app;
    DeliveryFixture fixture;
    SubscriberStore store;
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base;

    void startApp(Map<String, String> overrides) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Map<String, String> all = new HashMap<>(overrides);
        all.put("paperwire.http.port", String.valueOf(port));
        PaperwireSettings settings = DeliveryFixture.settings(home, all);
        app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
        app.start();
        fixture = new DeliveryFixture(settings, app.database());
        store = new SubscriberStore(app.database());
        base = "http://127.0.0.1:" + port;
    }

    @BeforeAll
    void start() throws Exception {
        startApp(Map.of("paperwire.subscribe.per-ip-per-hour", String.valueOf(HOURLY_LIMIT)));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> subscribeForm(String email) throws Exception {
        return post("/subscribe", "application/x-www-form-urlencoded",
                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
    }

    /** The confirmation emails written to the outbox for {@code email}. */
    List<Path> outbox(String email) throws Exception {
        Path outbox = home.resolve("out/outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).filter(f -> {
                try {
                    return Eml.read(f).getHeader("To", null).equals(email);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).sorted().toList();
        }
    }

    String confirmLink(Path eml) throws Exception {
        MimeMessage message = Eml.read(eml);
        Matcher m = Pattern.compile(Pattern.quote(DeliveryFixture.BASE_URL) + "(/confirm\\?token=[A-Za-z0-9._-]+)")
                .matcher(Eml.part(message, "text/plain"));
        assertThat(m.find()).isTrue();
        assertThat(Eml.part(message, "text/html")).contains(m.group(0));
        return m.group(1);
    }

    @Test
    void aFormSubscriptionIsPendingUntilTheEmailedLinkConfirmsIt() throws Exception {
        HttpResponse<String> response = subscribeForm("  Ada@Example.ORG ");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("confirmation email is on its way");
        assertThat(store.find("ada@example.org")).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.PENDING);
        assertThat(outbox("ada@example.org")).hasSize(1);
        MimeMessage confirmation = Eml.read(outbox("ada@example.org").get(0));
        assertThat(confirmation.getHeader("To", null)).isEqualTo("ada@example.org");
        assertThat(confirmation.getSubject()).startsWith("Confirm your subscription");

        HttpResponse<String> confirmed = get(confirmLink(outbox("ada@example.org").get(0)));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");
        assertThat(store.find("ada@example.org")).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.ACTIVE);
    }

    @Test
    void aJsonSubscriptionGetsAJsonAnswer() throws Exception {
        HttpResponse<String> response = post("/subscribe", "application/json", "{\"email\":\"grace@example.org\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(response.body()).contains("\"status\":\"accepted\"");
        assertThat(store.find("grace@example.org")).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.PENDING);
    }

    @Test
    void theAnswerIsTheSameWhetherTheAddressIsKnownOrNot() throws Exception {
        store.add("known@example.org");

        HttpResponse<String> known = subscribeForm("known@example.org");
        HttpResponse<String> unknown = subscribeForm("stranger@example.org");

        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(known.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
        assertThat(store.find("known@example.org")).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.ACTIVE);
    }

    @Test
    void badAddressesAndLineBreaksAreRefusedWithA400() throws Exception {
        for (String bad : List.of("not-an-address", "a@b", "bad@example.org\r\nBcc: everyone@example.org",
                "Bad <bad@example.org>", "")) {
            assertThat(subscribeForm(bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(store.find("bad@example.org")).isEmpty();
        assertThat(outbox("bad@example.org")).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void oneAddressCannotRequestMoreThanTheHourlyLimit() throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < HOURLY_LIMIT + 2; i++) {
            statuses.add(subscribeForm("flood" + i + "@example.org").statusCode());
        }

        // Other tests of this class also subscribed from 127.0.0.1 within the hour: once the limit is hit, every
        // further request is refused, and a refused request subscribes no one.
        int firstRefused = statuses.indexOf(429);
        assertThat(firstRefused).isBetween(0, HOURLY_LIMIT);
        assertThat(statuses.subList(0, firstRefused)).containsOnly(200);
        assertThat(statuses.subList(firstRefused, statuses.size())).containsOnly(429);
        assertThat(store.find("flood" + firstRefused + "@example.org")).isEmpty();
        assertThat(subscribeForm("late@example.org").headers().firstValue("Retry-After")).contains("3600");
    }

    @Test
    void aForgedOrAlteredTokenChangesNothingAndGetsA400() throws Exception {
        Subscriber pending = store.addPending("pending@example.org", "test");
        Subscriber active = store.add("active@example.org");
        String unsubscribe = fixture.tokens.unsubscribe(active);
        String altered = unsubscribe.substring(0, unsubscribe.length() - 2)
                + (unsubscribe.endsWith("A") ? "BB" : "AA");
        String otherId = "u" + pending.id() + unsubscribe.substring(unsubscribe.indexOf('.'));
        String confirmAsUnsubscribe = fixture.tokens.confirm(pending, java.time.Instant.now().plusSeconds(600));

        for (String token : List.of(altered, otherId, "u1.xxxxxxxxxxxxxxxxxxxxxx", "garbage", confirmAsUnsubscribe)) {
            String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            assertThat(post("/unsubscribe" + query, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
                    .statusCode()).as(token).isEqualTo(400);
            assertThat(get("/unsubscribe" + query).statusCode()).as(token).isEqualTo(400);
        }
        String confirm = fixture.tokens.confirm(pending, java.time.Instant.now().plusSeconds(600));
        String alteredConfirm = confirm.replaceFirst("^c\\d+", "c" + active.id());
        for (String token : List.of(alteredConfirm, confirm.substring(0, confirm.length() - 1) + "x", "c1.1.garbage")) {
            assertThat(get("/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).statusCode())
                    .as(token).isEqualTo(400);
        }
        assertThat(get("/confirm?token=" + unsubscribe).statusCode()).isEqualTo(400);
        String expired = fixture.tokens.confirm(pending, java.time.Instant.now().minusSeconds(1));
        assertThat(get("/confirm?token=" + expired).statusCode()).isEqualTo(400);

        assertThat(store.byId(active.id())).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.ACTIVE);
        assertThat(store.byId(pending.id())).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.PENDING);
    }

    @Test
    void aGetOfTheUnsubscribeLinkOnlyShowsAButtonThatPosts() throws Exception {
        Subscriber active = store.add("clicker@example.org");
        String token = fixture.tokens.unsubscribe(active);

        HttpResponse<String> page = get("/unsubscribe?token=" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
        assertThat(html.select("form[method=post]").attr("action")).isEqualTo("unsubscribe?token=" + token);
        assertThat(html.select("form button").text()).isEqualTo("Unsubscribe");
        assertThat(store.byId(active.id())).get().extracting(Subscriber::state).isEqualTo(Subscriber.State.ACTIVE);
    }

    @Test
    void aOneClickPostUnsubscribesAtOnceAndTheNextIssueSkipsThatSubscriber() throws Exception {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        try {
            fixture.addSubscribers(0, 5);
            Subscriber leaving = fixture.subscriber(3);
            int active = store.inState(Subscriber.State.ACTIVE).size();
            DeliverySettings delivery = DeliverySettings.defaults();
            try (Mailer mailer = fixture.smtp(greenMail.getSmtp().getPort(), delivery)) {
                RenderedIssue first = fixture.publishIssue(1, 1000);
                assertThat(fixture.stage(mailer, delivery).deliver(first).sent()).isEqualTo(active);
                MimeMessage received = Arrays.stream(greenMail.getReceivedMessages())
                        .filter(m -> recipient(m).equals(leaving.email())).findFirst().orElseThrow();
                String header = received.getHeader("List-Unsubscribe", null);
                String url = header.substring(1, header.indexOf('>'));

                // What a mail client does for RFC 8058: POST the https URL with this body, no cookie, no login.
                HttpResponse<String> oneClick = post(url.replace(DeliveryFixture.BASE_URL, ""),
                        "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

                assertThat(oneClick.statusCode()).isEqualTo(200);
                assertThat(oneClick.body()).contains("You are unsubscribed");
                assertThat(fixture.subscriber(3).state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);

                RenderedIssue next = fixture.publishIssue(2, 1000);
                assertThat(fixture.stage(mailer, delivery).deliver(next).sent()).isEqualTo(active - 1);
            }
            long toLeaving = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> recipient(m).equals(leaving.email())).count();
            assertThat(toLeaving).isEqualTo(1);
            assertThat(greenMail.getReceivedMessages()).hasSize(2 * active - 1);
        } finally {
            greenMail.stop();
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(MimeMessage.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
