package io.paperwire.subscribers;

import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/** Builds the double opt-in email from {@code templates/email/confirm.*}: a link that confirms the subscription. */
public final class ConfirmationMail {

    public static final String HTML = "email/confirm.html.ftlh";
    public static final String TEXT = "email/confirm.txt.ftl";

    private final TemplateEngine templates;
    private final PaperwireSettings settings;
    private final Session session = Session.getInstance(new Properties());

    public ConfirmationMail(TemplateEngine templates, PaperwireSettings settings) {
        this.templates = templates;
        this.settings = settings;
    }

    public MimeMessage create(Subscriber subscriber, String confirmUrl) throws MessagingException {
        String base = settings.site().baseUrl().toString().replaceAll("/+$", "");
        Map<String, Object> model = Map.of(
                "site", Map.of("title", settings.site().title(), "baseUrl", base),
                "email", subscriber.email(),
                "confirmUrl", confirmUrl,
                "postalAddress", settings.mail().postalAddress());
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.mail().from(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(subscriber.email(), true));
        message.setSubject("Confirm your subscription to " + settings.site().title().replaceAll("[\\r\\n]", " "),
                StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(templates.render(TEXT, model), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(templates.render(HTML, model), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
