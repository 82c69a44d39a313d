package io.paperwire.deliver;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.paperwire.testing.CommandResult;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/** With paperwire.smtp.host set, the issue goes out over SMTP instead of into the outbox. */
class SmtpDeliveryIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path home;

    private CommandResult paperwireWithSmtp(String... args) {
        String[] base = {"--home", home.toString(),
                "--set", "paperwire.smtp.host=127.0.0.1",
                "--set", "paperwire.smtp.port=" + smtp.getSmtp().getPort(),
                "--set", "paperwire.smtp.starttls=false"};
        String[] all = Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return paperwire(all);
    }

    @Test
    void sendsOneCompleteMessagePerSubscriberOverSmtp() throws Exception {
        paperwireWithSmtp("subscribers", "add", "ada@example.org");
        paperwireWithSmtp("subscribers", "add", "grace@example.org");

        CommandResult result = paperwireWithSmtp("run", "--sample");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("smtp 127.0.0.1:" + smtp.getSmtp().getPort()).contains("2 sent");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("ada@example.org", "grace@example.org");
        MimeMessage message = received[0];
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(((MimeMultipart) message.getContent()).getCount()).isEqualTo(2);
        assertThat(message.getHeader("Message-ID", null)).startsWith("<paperwire.2024-W21.");
        assertThat(message.getHeader("List-Unsubscribe", null)).contains("/unsubscribe?token=");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("List-Id", null)).isEqualTo("<weekly.paperwire.example>");
        assertThat(home.resolve("out/outbox")).doesNotExist();
    }

    @Test
    void aRerunSendsNothingTwice() throws Exception {
        paperwireWithSmtp("subscribers", "add", "ada@example.org");
        assertThat(paperwireWithSmtp("run", "--sample").exitCode()).isZero();

        CommandResult second = paperwireWithSmtp("run", "--sample");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
