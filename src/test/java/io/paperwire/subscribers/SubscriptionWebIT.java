package io.paperwire.subscribers;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.PaperwireApplication;
import io.paperwire.PaperwireSettings;
import io.paperwire.deliver.DeliverySettings;
import io.paperwire.deliver.DeliveryFixture;
import io.paperwire.deliver.Mailer;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** {@code paperwire serve}'s subscribe, confirm and unsubscribe endpoints, over real HTTP. */
class SubscriptionWebIT {

    @TempDir
    Path home;

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

    @BeforeEach
    void start() throws Exception {
        startApp(Map.of("paperwire.subscribe.per-ip-per-hour", "50"));
    }

    @AfterEach
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

    List<Path> outbox() throws Exception {
        Path outbox = home.resolve("out/outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
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
        assertThat(outbox()).hasSize(1);
        MimeMessage confirmation = Eml.read(outbox().get(0));
        assertThat(confirmation.getHeader("To", null)).isEqualTo("ada@example.org");
        assertThat(confirmation.getSubject()).startsWith("Confirm your subscription");

        HttpResponse<String> confirmed = get(confirmLink(outbox().get(0)));

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
        for (String bad : List.of("not-an-address", "a@b", "ada@example.org\r\nBcc: everyone@example.org",
                "Ada <ada@example.org>", "")) {
            assertThat(subscribeForm(bad).statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(store.all()).isEmpty();
        assertThat(outbox()).isEmpty();
    }

    @Test
    void oneAddressCannotRequestMoreThanTheHourlyLimit() throws Exception {
        app.close();
        startApp(Map.of("paperwire.subscribe.per-ip-per-hour", "3"));

        List<Integer> statuses = Stream.of("a1", "a2", "a3", "a4", "a5")
                .map(local -> {
                    try {
                        return subscribeForm(local + "@example.org").statusCode();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).toList();

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(store.find("a4@example.org")).isEmpty();
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
        Subscriber active = store.add("reader@example.org");
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
            DeliverySettings delivery = DeliverySettings.defaults();
            try (Mailer mailer = fixture.smtp(greenMail.getSmtp().getPort(), delivery)) {
                RenderedIssue first = fixture.publishIssue(1, 1000);
                assertThat(fixture.stage(mailer, delivery).deliver(first).sent()).isEqualTo(5);
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
                assertThat(fixture.stage(mailer, delivery).deliver(next).sent()).isEqualTo(4);
            }
            long toLeaving = Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> recipient(m).equals(leaving.email())).count();
            assertThat(toLeaving).isEqualTo(1);
            assertThat(greenMail.getReceivedMessages()).hasSize(9);
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
