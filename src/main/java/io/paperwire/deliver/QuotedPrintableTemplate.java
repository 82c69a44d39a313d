package io.paperwire.deliver;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text encoded quoted-printable once, into which a per-recipient value (the personal unsubscribe link) is
 * spliced at each placeholder. The text between placeholders and the value are encoded separately and joined by
 * soft line breaks ({@code =CRLF}), which decode to nothing: the result decodes to the text with the value in place
 * of each placeholder, and no line grows past 76 characters. Encoding a 30 KB issue costs far more than the SMTP
 * conversation that carries it, so a list of thousands pays for it once, not once per subscriber.
 */
final class QuotedPrintableTemplate {

    private static final byte[] SOFT_BREAK = {'=', '\r', '\n'};

    private final List<byte[]> encodedPieces = new ArrayList<>();

    QuotedPrintableTemplate(String text, String placeholder) {
        int from = 0;
        for (int at = text.indexOf(placeholder); at >= 0; at = text.indexOf(placeholder, from)) {
            encodedPieces.add(encode(text.substring(from, at)));
            from = at + placeholder.length();
        }
        encodedPieces.add(encode(text.substring(from)));
    }

    /** Writes the encoded text with {@code value} at every placeholder. */
    void writeTo(OutputStream out, String value) throws IOException {
        byte[] encodedValue = encodedPieces.size() > 1 ? encode(value) : new byte[0];
        boolean atLineStart = true;
        for (int i = 0; i < encodedPieces.size(); i++) {
            if (i > 0) {
                atLineStart = append(out, encodedValue, atLineStart);
            }
            atLineStart = append(out, encodedPieces.get(i), atLineStart);
        }
    }

    /** Appends one encoded piece, after a soft break unless at a line start; empty pieces add nothing. */
    private static boolean append(OutputStream out, byte[] encoded, boolean atLineStart) throws IOException {
        if (encoded.length == 0) {
            return atLineStart;
        }
        if (!atLineStart) {
            out.write(SOFT_BREAK);
        }
        out.write(encoded);
        return encoded[encoded.length - 1] == '\n';
    }

    static byte[] encode(String text) {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(text.length() + text.length() / 8);
        try (OutputStream qp = MimeUtility.encode(encoded, "quoted-printable")) {
            qp.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail has no quoted-printable encoder: " + e.getMessage(), e);
        }
        return encoded.toByteArray();
    }
}
