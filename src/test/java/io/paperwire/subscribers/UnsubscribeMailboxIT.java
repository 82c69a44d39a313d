package io.paperwire.subscribers;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.PaperwireApplication;
import io.paperwire.PaperwireSettings;
import io.paperwire.deliver.DeliveryFixture;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mailto: half of List-Unsubscribe: {@code serve} reads the From address's mailbox and acts on genuine tokens. */
class UnsubscribeMailboxIT {

    static final String MAILBOX_PASSWORD = "mailbox-secret-7";

    @TempDir
    Path home;

    @Test
    void serveUnsubscribesTheSenderOfAGenuineUnsubscribeMailAndLeavesEveryOtherMailUnread() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        PaperwireApplication app = null;
        CompletableFuture<Void> serving = null;
        try {
            GreenMailUser mailbox = mail.setUser("newsletter@paperwire.example", "newsletter", MAILBOX_PASSWORD);
            PaperwireSettings settings = settings(Map.of("paperwire.http.port", String.valueOf(freePort()),
                    "paperwire.unsubscribe-mailbox.host", "127.0.0.1",
                    "paperwire.unsubscribe-mailbox.port", String.valueOf(mail.getImap().getPort()),
                    "paperwire.unsubscribe-mailbox.ssl", "false",
                    "paperwire.unsubscribe-mailbox.username", "newsletter",
                    "paperwire.unsubscribe-mailbox.poll-seconds", "1"));
            app = new PaperwireApplication(settings, PaperwireApplication.Mode.SERVE);
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

            PaperwireApplication running = app;
            serving = CompletableFuture.runAsync(() -> {
                try {
                    running.serve();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.byId(alice.id()).orElseThrow().state() != Subscriber.State.UNSUBSCRIBED
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(2_500); // two more polls: nothing else may change

            assertThat(store.byId(alice.id()).orElseThrow().state()).isEqualTo(Subscriber.State.UNSUBSCRIBED);
            assertThat(store.byId(bob.id()).orElseThrow().state()).isEqualTo(Subscriber.State.ACTIVE);
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
            if (app != null) {
                app.stopServing();
                if (serving != null) {
                    serving.get(30, TimeUnit.SECONDS);
                }
                app.close();
            }
            mail.stop();
        }
    }

    @Test
    void aMailboxHostWithoutItsLoginIsRefusedNamingWhatToSet() {
        assertThatThrownBy(() -> UnsubscribeMailbox.Settings.from(settings(Map.of(
                "paperwire.unsubscribe-mailbox.host", "imap.example.org", "paperwire.unsubscribe-mailbox.port", "99999"))))
                .isInstanceOf(PaperwireSettings.InvalidSettingsException.class)
                .hasMessageContaining("paperwire.unsubscribe-mailbox.username")
                .hasMessageContaining("PAPERWIRE_UNSUBSCRIBE_MAILBOX_PASSWORD")
                .hasMessageContaining("paperwire.unsubscribe-mailbox.port = '99999'");
        assertThat(UnsubscribeMailbox.Settings.from(settings(Map.of())).enabled()).isFalse();
    }

    private PaperwireSettings settings(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(Map.of("paperwire.site.base-url", DeliveryFixture.BASE_URL,
                "paperwire.mail.from", "Paperwire <newsletter@paperwire.example>"));
        all.putAll(overrides);
        return PaperwireSettings.load(home, Map.of("PAPERWIRE_SECRET", DeliveryFixture.SECRET,
                "PAPERWIRE_UNSUBSCRIBE_MAILBOX_PASSWORD", MAILBOX_PASSWORD), all);
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
