package io.paperwire.deliver;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.subscribers.Subscriber;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Each subscriber's own parts spliced into the issue encoded once: "For you", feedback and preference tokens. */
class PersonalMessagesTest {

    @TempDir
    Path home;

    final Subscriber ada = new Subscriber(7, "ada@example.org", Subscriber.State.ACTIVE, "salt-7");
    final Subscriber bo = new Subscriber(8, "bo@example.org", Subscriber.State.ACTIVE, "salt-8");

    @Test
    void eachReaderGetsTheSharedIssueWithTheirOwnSectionAndLinks() throws Exception {
        String text = "Issue\n" + RenderedIssue.PERSONAL_TEXT_SLOT + "Paper A: more "
                + RenderedIssue.feedbackSlot("2405.00001") + "\nPrefs " + RenderedIssue.PREFERENCES_TOKEN_SLOT
                + "\nBye " + RenderedIssue.UNSUBSCRIBE_URL_SLOT + "\n";
        String html = "<table><tr><td>Issue</td></tr>" + RenderedIssue.PERSONAL_HTML_SLOT + "<tr><td><a href=\"f?t="
                + RenderedIssue.feedbackSlot("hep-th/9901001") + "&amp;vote=more\">more</a> "
                + "é".repeat(100) + "</td></tr></table>";
        PersonalParts.ForIssue personal = new PersonalParts.ForIssue() {
            @Override
            public Optional<RenderedIssue> shortIssue() {
                return Optional.of(issue("Short " + RenderedIssue.PERSONAL_TEXT_SLOT, "<p>short</p>"));
            }

            @Override
            public PersonalParts.Parts of(Subscriber s) {
                return s.id() == 7
                        ? new PersonalParts.Parts(false, QuotedPrintableTemplate.text("<tr><td>For you, Ada: ü</td></tr>"),
                        QuotedPrintableTemplate.text("\nFOR YOU ADA\n"), "p7.token", id -> "f7." + id)
                        : new PersonalParts.Parts(true, QuotedPrintableTemplate.NOTHING, QuotedPrintableTemplate.NOTHING,
                        "p8.token", id -> "f8." + id);
            }
        };
        MessageFactory.IssueMessages messages = factory().forIssue(issue(text, html), personal);

        String[] toAda = parts(messages.to(ada));
        String[] toBo = parts(messages.to(bo));

        assertThat(toAda[0]).startsWith("Issue\r\n\r\nFOR YOU ADA\r\nPaper A: more f7.2405.00001\r\nPrefs p7.token\r\n")
                .contains("Bye https://news.example.org/unsubscribe?token=u7.");
        assertThat(toAda[1]).contains("<tr><td>Issue</td></tr><tr><td>For you, Ada: ü</td></tr><tr>")
                .contains("f?t=f7.hep-th/9901001&amp;vote=more").contains("é".repeat(100));
        assertThat(toBo[0]).isEqualTo("Short ");
        assertThat(toBo[1]).isEqualTo("<p>short</p>");
    }

    @Test
    void withoutPersonalPartsTheSlotsAreEmpty() throws Exception {
        MessageFactory.IssueMessages messages = factory().forIssue(issue("A" + RenderedIssue.PERSONAL_TEXT_SLOT + "B",
                "<p>A</p>" + RenderedIssue.PERSONAL_HTML_SLOT + "<p>B</p>"));

        assertThat(parts(messages.to(ada))).containsExactly("AB", "<p>A</p><p>B</p>");
    }

    private MessageFactory factory() {
        return DeliveryFixture.messageFactory(home);
    }

    private static RenderedIssue issue(String text, String html) {
        return DeliveryFixture.renderedIssue(text, html);
    }

    /** The decoded text and HTML parts as a receiver reads them. */
    private static String[] parts(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(out.toByteArray()));
        MimeMultipart parts = (MimeMultipart) received.getContent();
        return new String[] {(String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent()};
    }
}
