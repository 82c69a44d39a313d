package io.paperwire.deliver;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;

import java.io.IOException;
import java.util.Optional;

/** The parts of a report mail ({@code multipart/report}, RFC 6522): bounces and complaints alike. */
final class ReportParts {

    private ReportParts() {}

    /** The report's parts; empty when {@code message} is no report. */
    static Optional<Multipart> of(Message message) throws MessagingException, IOException {
        return message.isMimeType("multipart/report") && message.getContent() instanceof Multipart parts
                ? Optional.of(parts) : Optional.empty();
    }

    /** The first part of one of {@code types}. */
    static Optional<BodyPart> first(Multipart report, String... types) throws MessagingException {
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            for (String type : types) {
                if (part.isMimeType(type)) {
                    return Optional.of(part);
                }
            }
        }
        return Optional.empty();
    }
}
