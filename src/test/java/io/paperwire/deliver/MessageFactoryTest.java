package io.paperwire.deliver;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriptionTokens;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageFactoryTest {

    private static final String LINK = RenderedIssue.UNSUBSCRIBE_URL_SLOT;

    @TempDir
    Path home;

    @Test
    void aHeaderValueWithALineBreakIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> MessageFactory.headerValue("Subject", "Weekly\r\nBcc: all@example.org"))
                .isInstanceOf(MessagingException.class).hasMessageContaining("Subject").hasMessageContaining("line break");
        assertThatThrownBy(() -> MessageFactory.headerValue("To", "ada@example.org\nX: y"))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void anOrdinaryHeaderValuePassesUnchanged() throws Exception {
        assertThat(MessageFactory.headerValue("Subject", "Paperwire 2024-W21: Attention — again"))
                .isEqualTo("Paperwire 2024-W21: Attention — again");
    }

    @Test
    void eachPartDecodesToTheIssueWithThePersonalUnsubscribeLinkWhereverThePlaceholderStands() throws Exception {
        String text = LINK + "\nSchrödinger's cat = 2 × 3 — über alles, with a trailing space \n"
                + "x".repeat(300) + LINK + "y".repeat(100) + "\n. a line that starts with a dot\n"
                + "Unsubscribe: " + LINK;
        String html = "<p>" + "ä".repeat(120) + "<a href=\"" + LINK + "\">Unsubscribe</a> &amp; <a href=\"" + LINK
                + "\">again</a></p>";
        MessageFactory factory = factory();
        Subscriber ada = new Subscriber(7, "ada@example.org", Subscriber.State.ACTIVE, "token-7");
        RenderedIssue issue = issue(text, html);

        MimeMessage message = roundTrip(factory.create(issue, ada));

        String url = factory.unsubscribeUrl(ada);
        assertThat(url).startsWith("https://news.example.org/unsubscribe?token=");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(text.replace(LINK, url).replace("\n", "\r\n"));
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(html.replace(LINK, url.replace("&", "&amp;")));
    }

    @Test
    void everyLineStaysWithinTheLimitsHeadersFoldedAt78AndQuotedPrintableAt76() throws Exception {
        MessageFactory factory = factory();
        RenderedIssue issue = issue("z".repeat(5000) + LINK + " " + "€".repeat(500), "<p>" + LINK + "</p>" + "q".repeat(999));
        byte[] bytes = bytes(factory.create(issue, new Subscriber(8, "bo@example.org", Subscriber.State.ACTIVE, "t")));

        String message = new String(bytes, StandardCharsets.US_ASCII);
        String[] headerLines = message.substring(0, message.indexOf("\r\n\r\n")).split("\r\n");
        // Folded at whitespace: only a line holding one token that cannot be broken (a long URI) may pass 78.
        assertThat(headerLines).allSatisfy(line -> assertThat(line.length() <= 78 || line.strip().split(" ").length <= 2)
                .as(line).isTrue());
        String body = message.substring(message.indexOf("\r\n\r\n") + 4);
        assertThat(body.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(body).doesNotContain(LINK);
    }

    @Test
    void theListHeadersNameTheSubscribersOwnLinkAndAStableMessageId() throws Exception {
        MessageFactory factory = factory();
        RenderedIssue issue = issue("Bye: " + LINK, "<a href=\"" + LINK + "\">bye</a>");
        Subscriber ada = new Subscriber(7, "ada@example.org", Subscriber.State.ACTIVE, "token-7");
        Subscriber bo = new Subscriber(8, "bo@example.org", Subscriber.State.ACTIVE, "token-8");
        MessageFactory.IssueMessages messages = factory.forIssue(issue);

        MimeMessage toAda = roundTrip(messages.to(ada));
        MimeMessage toBo = roundTrip(messages.to(bo));

        assertThat(toAda.getHeader("To", null)).isEqualTo("ada@example.org");
        assertThat(toAda.getHeader("From", null)).isEqualTo("Paperwire <newsletter@paperwire.example>");
        assertThat(toAda.getSubject()).isEqualTo("Paperwire 2024-W21: Attention — again");
        assertThat(toAda.getSentDate()).isNotNull();
        assertThat(toAda.getMessageID()).isEqualTo(messages.messageId(ada));
        assertThat(SentMessageId.parse(toAda.getMessageID(), tokens())).contains(new SentMessageId("2024-W21", 7));
        assertThat(toAda.getMessageID()).startsWith("<paperwire.2024-W21.7.").endsWith("@paperwire.example>");
        assertThat(toAda.getHeader("List-Id", null)).isNotBlank();
        assertThat(MimeUtility.unfold(toAda.getHeader("List-Unsubscribe", null))).startsWith("<" + factory.unsubscribeUrl(ada) + ">, <mailto:");
        assertThat(toAda.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(MimeUtility.unfold(toBo.getHeader("List-Unsubscribe", null))).startsWith("<" + factory.unsubscribeUrl(bo) + ">");
        assertThat(factory.unsubscribeUrl(bo)).isNotEqualTo(factory.unsubscribeUrl(ada));
        assertThat(toBo.getMessageID()).isNotEqualTo(toAda.getMessageID());
    }

    @Test
    void theMessageObjectReadsAsItsBytesDoAndKeepsItsMessageIdThroughSaveChanges() throws Exception {
        MessageFactory factory = factory();
        Subscriber ada = new Subscriber(7, "ada@example.org", Subscriber.State.ACTIVE, "token-7");
        MimeMessage message = factory.create(issue("Bye: " + LINK, "<a href=\"" + LINK + "\">bye</a>"), ada);
        MimeMessage received = roundTrip(message);

        assertThat(message.getMessageID()).isEqualTo(received.getMessageID());
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.org")
                .isEqualTo(Arrays.stream(received.getAllRecipients()).map(Object::toString).toList());
        assertThat(message.getFrom()).extracting(Object::toString)
                .isEqualTo(Arrays.stream(received.getFrom()).map(Object::toString).toList())
                .containsExactly(DeliveryFixture.settings(home, Map.of()).mail().from());
        assertThat(message.getSubject()).isEqualTo(received.getSubject());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo("Bye: " + factory.unsubscribeUrl(ada))
                .isEqualTo(((MimeMultipart) received.getContent()).getBodyPart(0).getContent());

        String id = message.getMessageID();
        message.saveChanges();
        assertThat(message.getMessageID()).isEqualTo(id);

        message.setHeader("X-Edited", "yes");
        assertThat(new String(bytes(message), StandardCharsets.US_ASCII)).contains("X-Edited: yes\r\n");
    }

    @Test
    void anAddressWithALineBreakIsRefusedAndTheRestStillBuild() throws Exception {
        MessageFactory.IssueMessages messages = factory().forIssue(issue(LINK, LINK));

        assertThatThrownBy(() -> messages.to(new Subscriber(9, "eve@example.org\r\nBcc: all@example.org",
                Subscriber.State.ACTIVE, "t"))).isInstanceOf(MessagingException.class).hasMessageContaining("To");
        assertThat(messages.to(new Subscriber(10, "ok@example.org", Subscriber.State.ACTIVE, "t")).getAllRecipients())
                .hasSize(1);
    }

    private MessageFactory factory() {
        return new MessageFactory(DeliveryFixture.settings(home, Map.of()), tokens());
    }

    private static SubscriptionTokens tokens() {
        return new SubscriptionTokens(DeliveryFixture.SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private static RenderedIssue issue(String text, String html) {
        Issue issue = new Issue(DeliveryFixture.WEEK, 1, "Paperwire 2024-W21", Instant.now(), List.of());
        return new RenderedIssue(RunRequest.of(DeliveryFixture.WEEK), 1, issue, "Paperwire 2024-W21: Attention — again",
                html, text);
    }

    /** What a receiver sees: the message as written to the wire, parsed again. */
    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(message)));
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
