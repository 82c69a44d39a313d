package io.paperwire.deliver;

import io.paperwire.PaperwireSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/**
 * Sends over SMTP with Jakarta Mail, reusing one connected {@link Transport} for many messages (the static
 * {@code Transport.send} would open a connection per message). Timeouts are always set: Jakarta Mail's default is to
 * wait forever.
 */
public final class SmtpMailer implements Mailer {

    static final int TIMEOUT_MILLIS = 30_000;

    private final PaperwireSettings.Smtp settings;
    private final Session session;
    private Transport transport;

    public SmtpMailer(PaperwireSettings.Smtp settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    public Session session() {
        return session;
    }

    static Properties properties(PaperwireSettings.Smtp settings) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.auth", String.valueOf(!settings.username().isBlank()));
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        return p;
    }

    @Override
    public String describe() {
        return "smtp " + settings.host() + ":" + settings.port();
    }

    @Override
    public synchronized void send(String key, MimeMessage message) throws MessagingException {
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport("smtp");
            if (settings.username().isBlank()) {
                transport.connect();
            } else {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password().value());
            }
        }
        transport.sendMessage(message, message.getAllRecipients());
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // The connection is going away either way.
            }
        }
    }
}
