package io.paperwire.deliver;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedPrintableTemplateTest {

    @Test
    void encodedTextDecodesToTheTextWithCrlfLineBreaksAndNoLineOver76Characters() throws Exception {
        Random random = new Random(5);
        String alphabet = "abc xyz=\t\n\r.éü€ —<>&\"'";
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(400); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] encoded = QuotedPrintableTemplate.encode(text.toString());

            String decoded = new String(MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")
                    .readAllBytes(), StandardCharsets.UTF_8);
            String ascii = new String(encoded, StandardCharsets.US_ASCII);

            assertThat(decoded).as(text.toString()).isEqualTo(text.toString().replace("\r\n", "\n").replace("\r", "\n")
                    .replace("\n", "\r\n"));
            assertThat(ascii.split("\r\n", -1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
            assertThat(ascii).doesNotContainPattern("[ \t]\r\n").doesNotMatch("(?s).*[ \t]$");
            assertThat(ascii).as("no line starts with a dot: it would need SMTP's dot-stuffing").doesNotStartWith(".")
                    .doesNotContain("\r\n.");
        }
    }

    @Test
    void everyPlaceholderIsFoundAsARegexSearchFindsItAmidStrayPercentSignsAndComments() throws Exception {
        Random random = new Random(18);
        String[] fragments = {"%%", "%", "<!--", "-->", "<!--%%PERSONAL_HTML%%-->", "%%UNSUBSCRIBE_URL%%",
                "%%FEEDBACK:2405.00001%%", "%%FEEDBACK:%%", "%%PREFERENCES_TOKEN%", "ab", " ", "\n", "é"};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(fragments[random.nextInt(fragments.length)]);
            }
            QuotedPrintableTemplate template = new QuotedPrintableTemplate(text.toString(),
                    io.paperwire.paper.RenderedIssue.SLOTS);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            template.writeTo(out, true, slot -> "[" + slot.length() + "]");

            String decoded = new String(MimeUtility.decode(new ByteArrayInputStream(out.toByteArray()),
                    "quoted-printable").readAllBytes(), StandardCharsets.UTF_8);
            String expected = io.paperwire.paper.RenderedIssue.SLOTS.matcher(text)
                    .replaceAll(slot -> "[" + slot.group().length() + "]");
            assertThat(decoded).as(text.toString()).isEqualTo(expected.replace("\n", "\r\n"));
        }
    }

    @Test
    void aDotThatWouldStartALineIsEncoded() {
        assertThat(new String(QuotedPrintableTemplate.encode(".\n.hidden\n" + "x".repeat(75) + ".end"),
                StandardCharsets.US_ASCII)).isEqualTo("=2E\r\n=2Ehidden\r\n" + "x".repeat(75) + "=\r\n=2Eend");
        assertThat(new String(QuotedPrintableTemplate.encode(".token"), StandardCharsets.US_ASCII)).isEqualTo("=2Etoken");
    }

    @Test
    void aTokenIsItsOwnEncoding() {
        assertThat(new String(QuotedPrintableTemplate.encode("f7.2405.12345.AbC_d-e"), StandardCharsets.US_ASCII))
                .isEqualTo("f7.2405.12345.AbC_d-e");
    }
}
