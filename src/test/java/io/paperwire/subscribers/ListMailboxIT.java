package io.paperwire.subscribers;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.app.PaperwireApplication;
import io.paperwire.deliver.DeliveryFixture;
import io.paperwire.deliver.DeliveryLog;
import io.paperwire.deliver.DeliverySettings;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.testing.BackgroundServe;
import io.paperwire.testing.MailReports;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serve} reads the From address's mailbox: genuine unsubscribe mails (the mailto: half of List-Unsubscribe)
 * unsubscribe their sender; bounce reports of a permanent failure of a message it sent mark that subscriber bounced.
 */
class ListMailboxIT {

    static final String MAILBOX_PASSWORD = "mailbox-secret-7";

    @TempDir
    Path home;

    @Test
    void serveUnsubscribesTheSenderOfAGenuineUnsubscribeMailAndLeavesEveryOtherMailUnread() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        try {
            GreenMailUser mailbox = mail.setUser("newsletter@paperwire.example", "newsletter", MAILBOX_PASSWORD);
            PaperwireSettings settings = mailboxSettings(mail);
            PaperwireApplication app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
            SubscriberStore store = new SubscriberStore(app.database());
            Subscriber alice = store.add("alice@example.org");
            Subscriber bob = store.add("bob@example.org");
            SubscriptionTokens tokens = new SubscriptionTokens(ServerSecret.load(settings), Clock.systemUTC());
            String bobsToken = tokens.unsubscribe(bob);
            String forged = bobsToken.substring(0, bobsToken.length() - 1) + (bobsToken.endsWith("A") ? "B" : "A");

            mailbox.deliver(message("alice@example.org", "unsubscribe " + tokens.unsubscribe(alice)));
            mailbox.deliver(message("bob@example.org", "unsubscribe " + forged));
            mailbox.deliver(message("carol@example.org", "Re: Paperwire 2024-W21 - please unsubscribe me"));
            mailbox.deliver(message("dave@example.org", "Thanks for this week's issue"));

            Map<String, Subscriber.State> states = serveUntil(app,
                    () -> store.byId(alice.id()).orElseThrow().state() == Subscriber.State.UNSUBSCRIBED,
                    () -> Map.of("alice", store.byId(alice.id()).orElseThrow().state(),
                            "bob", store.byId(bob.id()).orElseThrow().state()));

            assertThat(states).isEqualTo(Map.of("alice", Subscriber.State.UNSUBSCRIBED, "bob", Subscriber.State.ACTIVE));
            Map<String, Boolean> readBySender = new TreeMap<>();
            for (var stored : mail.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
                readBySender.put(stored.getMimeMessage().getFrom()[0].toString(), stored.getFlags().contains(Flags.Flag.SEEN));
            }
            assertThat(readBySender).as("mails read (acted on) by sender").isEqualTo(Map.of(
                    "alice@example.org", true,
                    "bob@example.org", false,     // a forged token
                    "carol@example.org", false,   // no token: for a person to act on
                    "dave@example.org", false));  // not about unsubscribing
        } finally {
            mail.stop();
        }
    }

    @Test
    void serveActsOnBouncesAndComplaintsAboutItsMessagesAndLeavesDelaysForgeriesAndStrangersUnread() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        try {
            GreenMailUser mailbox = mail.setUser("newsletter@paperwire.example", "newsletter", MAILBOX_PASSWORD);
            PaperwireSettings settings = mailboxSettings(mail);
            PaperwireApplication app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
            DeliveryFixture fixture = new DeliveryFixture(settings, app.database());
            fixture.addSubscribers(0, 5);
            RenderedIssue issue = fixture.publishIssue(1, 2_000);
            try (Mailer smtp = fixture.smtp(mail.getSmtp().getPort(), DeliverySettings.defaults())) {
                assertThat(fixture.stage(smtp, DeliverySettings.defaults()).deliver(issue).sent()).isEqualTo(5);
            }
            Map<String, String> sentHeaders = new HashMap<>();
            Map<String, String> sentIds = new HashMap<>();
            for (MimeMessage sent : mail.getReceivedMessages()) {
                String to = sent.getAllRecipients()[0].toString();
                sentHeaders.put(to, String.join("\r\n", Collections.list(sent.getAllHeaderLines())));
                sentIds.put(to, sent.getMessageID());
            }
            String forgedId = "<paperwire." + issue.issue().slug() + "." + fixture.subscriber(2).id()
                    + ".AAAAAAAAAAAAAAAAAAAAAA@paperwire.example>";

            mailbox.deliver(report("reader0@example.org", "failed", "5.1.1", sentHeaders.get("reader0@example.org")));
            mailbox.deliver(report("reader1@example.org", "delayed", "4.4.1", sentHeaders.get("reader1@example.org")));
            mailbox.deliver(report("reader2@example.org", "failed", "5.1.1",
                    sentHeaders.get("reader2@example.org").replaceAll("Message-ID: .*", "Message-ID: " + forgedId)));
            mailbox.deliver(report("someone-else@example.net", "failed", "5.1.1", sentHeaders.get("reader3@example.org")));
            mailbox.deliver(MailReports.complaint("abuse", sentIds.get("reader4@example.org")));

            SubscriberStore store = new SubscriberStore(app.database());
            Map<String, String> states = serveUntil(app,
                    () -> store.find("reader0@example.org").orElseThrow().state() == Subscriber.State.BOUNCED,
                    () -> {
                        Map<String, String> all = new TreeMap<>();
                        for (int n = 0; n < 5; n++) {
                            all.put(DeliveryFixture.address(n), store.find(DeliveryFixture.address(n)).orElseThrow().state().name());
                        }
                        all.put("delivery to reader0", new DeliveryLog(app.database(), fixture.settings.dataDir())
                                .state(issue.issueId(), fixture.subscriber(0).id()).orElseThrow().name());
                        return all;
                    });

            assertThat(states).isEqualTo(Map.of(
                    "reader0@example.org", "BOUNCED",
                    "delivery to reader0", "BOUNCED",
                    "reader1@example.org", "ACTIVE",    // only delayed
                    "reader2@example.org", "ACTIVE",    // a forged Message-ID
                    "reader3@example.org", "ACTIVE",    // the report names someone else
                    "reader4@example.org", "UNSUBSCRIBED"));  // a spam complaint
            Map<String, Boolean> readBySubject = new TreeMap<>();
            for (var stored : mail.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
                readBySubject.put(stored.getMimeMessage().getSubject(), stored.getFlags().contains(Flags.Flag.SEEN));
            }
            assertThat(readBySubject).as("reports read (acted on), by the recipient they are about").isEqualTo(Map.of(
                    "Undelivered Mail Returned to Sender: reader0@example.org", true,
                    "Undelivered Mail Returned to Sender: reader1@example.org", false,
                    "Undelivered Mail Returned to Sender: reader2@example.org", false,
                    "Undelivered Mail Returned to Sender: someone-else@example.net", false,
                    "Complaint about message from 192.0.2.1", true));
        } finally {
            mail.stop();
        }
    }

    /**
     * Runs {@code serve} until {@code done} holds (at most 30 s) and two more polls of the mailbox have passed, in which
     * nothing else may change; then stops and closes the application.
     *
     * @return {@code outcome}, read while the application still runs
     */
    private static <T> T serveUntil(PaperwireApplication app, BooleanSupplier done, Supplier<T> outcome) throws Exception {
        try (app; BackgroundServe ignored = BackgroundServe.start(app)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2_500);
            return outcome.get();
        }
    }

    private PaperwireSettings mailboxSettings(GreenMail mail) throws Exception {
        return settings(Map.of("paperwire.http.port", String.valueOf(freePort()),
                "paperwire.list-mailbox.host", "127.0.0.1",
                "paperwire.list-mailbox.port", String.valueOf(mail.getImap().getPort()),
                "paperwire.list-mailbox.ssl", "false",
                "paperwire.list-mailbox.username", "newsletter",
                "paperwire.list-mailbox.poll-seconds", "1"));
    }

    /** A bounce report as Postfix writes one, quoting {@code originalHeaders}. */
    private static MimeMessage report(String recipient, String action, String status, String originalHeaders)
            throws Exception {
        return MailReports.deliveryStatus("rfc822; " + recipient, action, status, "text/rfc822-headers", originalHeaders);
    }

    @Test
    void aMailboxHostWithoutItsLoginIsRefusedNamingWhatToSet() {
        assertThatThrownBy(() -> ListMailbox.Settings.from(settings(Map.of(
                "paperwire.list-mailbox.host", "imap.example.org", "paperwire.list-mailbox.port", "99999"))))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.list-mailbox.username")
                .hasMessageContaining("PAPERWIRE_LIST_MAILBOX_PASSWORD")
                .hasMessageContaining("paperwire.list-mailbox.port = '99999'");
        assertThat(ListMailbox.Settings.from(settings(Map.of())).enabled()).isFalse();
    }

    private PaperwireSettings settings(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("paperwire.site.base-url", DeliveryFixture.BASE_URL,
                "paperwire.mail.from", "Paperwire <newsletter@paperwire.example>"));
        all.putAll(overrides);
        return PaperwireSettings.load(home, Map.of("PAPERWIRE_SECRET", DeliveryFixture.SECRET,
                "PAPERWIRE_LIST_MAILBOX_PASSWORD", MAILBOX_PASSWORD), all);
    }

    private static MimeMessage message(String from, String subject) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, "newsletter@paperwire.example");
        message.setSubject(subject);
        message.setText("sent by a mail client");
        message.saveChanges();
        return message;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
