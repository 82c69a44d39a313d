package io.paperwire.deliver;

import io.paperwire.archive.IssueStore;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.store.Database;
import io.paperwire.subscribers.ServerSecret;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import io.paperwire.subscribers.SubscriptionTokens;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A database with a published issue and many subscribers, and the delivery stage wired to an SMTP port, for the
 * delivery tests and the benchmark. Subscribers are {@code reader<n>@example.org}.
 */
public final class DeliveryFixture implements AutoCloseable {

    static {
        // GreenMail logs a line per auto-created mailbox; thousands of them slow the tests down.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    public static final String SECRET = "test-secret-0123456789abcdef";
    public static final String BASE_URL = "https://news.example.org";
    public static final Week WEEK = Week.parse("2024-W21");

    public final PaperwireSettings settings;
    public final Database database;
    public final SubscriptionTokens tokens;
    private final boolean ownsDatabase;

    DeliveryFixture(Path home, Map<String, String> overrides) {
        this(settings(home, overrides), null);
    }

    /** Works on {@code database} when given (it stays open), else opens the one the settings name. */
    public DeliveryFixture(PaperwireSettings settings, Database database) {
        this.settings = settings;
        this.ownsDatabase = database == null;
        this.database = database != null ? database : Database.open(settings.db(), settings.dataDir());
        this.tokens = new SubscriptionTokens(ServerSecret.load(settings), Clock.systemUTC());
    }

    /** Settings for a test home: the example base URL and sender, the test secret, plus {@code overrides}. */
    public static PaperwireSettings settings(Path home, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of(
                "paperwire.site.base-url", BASE_URL,
                "paperwire.mail.from", "Paperwire <newsletter@paperwire.example>"));
        all.putAll(overrides);
        return PaperwireSettings.load(home, Map.of("PAPERWIRE_SECRET", SECRET), all);
    }

    public static String address(int n) {
        return "reader" + n + "@example.org";
    }

    /** Adds {@code count} active subscribers, reader{from}…, in one batch. */
    public void addSubscribers(int from, int count) {
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscribers (email, state, token, created_at,"
                    + " updated_at, confirmed_at, source) VALUES (?, 'active', ?, ?, ?, ?, 'test')")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = from; i < from + count; i++) {
                    insert.setString(1, address(i));
                    insert.setString(2, HexFormat.of().toHexDigits(i) + "-" + Long.toHexString(System.nanoTime()));
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, now);
                    insert.setTimestamp(5, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Stores an issue whose email is about {@code bodyBytes} long in each part, and returns it rendered. */
    public RenderedIssue publishIssue(int edition, int bodyBytes) {
        Issue issue = new Issue(WEEK, edition, "Paperwire " + WEEK + (edition > 1 ? " (edition " + edition + ")" : ""),
                Instant.now(), List.of());
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><h1>").append(issue.title()).append("</h1>");
        StringBuilder text = new StringBuilder(issue.title()).append("\n\n");
        for (int i = 0; html.length() < bodyBytes; i++) {
            String paragraph = "Paper " + i + ": a study of efficient reasoning in language models, with results on"
                    + " four benchmarks and code released for others to build on.";
            html.append("<p><a href=\"https://arxiv.org/abs/2405.").append(10000 + i).append("\">").append(paragraph)
                    .append("</a></p>\n");
            text.append(paragraph).append("\n  https://arxiv.org/abs/2405.").append(10000 + i).append("\n");
        }
        html.append("<p><a href=\"").append(RenderedIssue.UNSUBSCRIBE_URL_SLOT).append("\">Unsubscribe</a></p></body></html>");
        text.append("\nUnsubscribe: ").append(RenderedIssue.UNSUBSCRIBE_URL_SLOT).append('\n');
        RenderedIssue draft = new RenderedIssue(RunRequest.of(WEEK), 0, issue, issue.title() + ": this week's papers",
                html.toString(), text.toString());
        long id = database.inTransaction((Connection c) -> new IssueStore(database).insert(c, draft));
        return new RenderedIssue(draft.request(), id, issue, draft.subject(), draft.html(), draft.text());
    }

    /** A message factory over the settings of {@code home}, signing with the fixture's secret. */
    static MessageFactory messageFactory(Path home) {
        return new MessageFactory(settings(home, Map.of()), new io.paperwire.subscribers.SubscriptionTokens(
                SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.time.Clock.systemUTC()));
    }

    /** The fixture week's first issue, rendered as these two parts. */
    static RenderedIssue renderedIssue(String text, String html) {
        io.paperwire.paper.Issue issue = new io.paperwire.paper.Issue(WEEK, 1, "Paperwire 2024-W21",
                java.time.Instant.now(), List.of());
        return new RenderedIssue(io.paperwire.paper.RunRequest.of(WEEK), 1, issue, "Paperwire 2024-W21", html, text);
    }

    public Mailer smtp(int port, DeliverySettings delivery) {
        return new SmtpMailer(new PaperwireSettings.Smtp("127.0.0.1", port, "", new PaperwireSettings.Secret(null), false),
                delivery);
    }

    public DeliverStage stage(Mailer mailer, DeliverySettings delivery) {
        return new DeliverStage(new SubscriberStore(database), new DeliveryLog(database, settings.dataDir()),
                new MessageFactory(settings, tokens), mailer, delivery);
    }

    public Subscriber subscriber(int n) {
        return new SubscriberStore(database).find(address(n)).orElseThrow();
    }

    public int deliveries(long issueId, String state) {
        return database.queryOne("SELECT COUNT(*) AS n FROM deliveries WHERE issue_id = ? AND state = ?",
                row -> row.getInt("n"), issueId, state).orElse(0);
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            database.close();
        }
    }
}
