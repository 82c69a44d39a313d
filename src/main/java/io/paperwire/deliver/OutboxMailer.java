package io.paperwire.deliver;

import io.paperwire.mail.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded mailer: writes each message as an RFC 5322 {@code .eml} file. A file appears whole or not at all
 * (written aside, then renamed).
 */
public final class OutboxMailer implements Mailer {

    private final Path outbox;

    public OutboxMailer(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public String describe() {
        return "outbox " + outbox;
    }

    @Override
    public void send(String key, MimeMessage message) throws MessagingException {
        Path target = outbox.resolve(key + ".eml");
        Path partial = outbox.resolve("." + key + ".eml.part");
        try {
            Files.createDirectories(outbox);
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
