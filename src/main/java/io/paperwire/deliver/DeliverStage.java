package io.paperwire.deliver;

import io.paperwire.paper.DeliveryReport;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Sends a published issue to every active subscriber who has not had it yet. The sample run mails the demo reader
 * when the list is empty.
 */
public final class DeliverStage {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverStage.class);

    private final SubscriberStore subscribers;
    private final DeliveryLog log;
    private final MessageFactory messages;
    private final Mailer mailer;

    public DeliverStage(SubscriberStore subscribers, DeliveryLog log, MessageFactory messages, Mailer mailer) {
        this.subscribers = subscribers;
        this.log = log;
        this.messages = messages;
        this.mailer = mailer;
    }

    public DeliveryReport deliver(RenderedIssue issue) {
        String slug = issue.issue().slug();
        if (!issue.request().send()) {
            LOG.info("Issue {} published without mailing (--no-send)", slug);
            return new DeliveryReport(issue.request(), slug, 0, 0, 0, 0, mailer.describe());
        }
        List<Subscriber> recipients = recipients(issue);
        int sent = 0;
        int alreadySent = 0;
        int failed = 0;
        io.paperwire.ops.Progress progress = io.paperwire.ops.Progress.start("messages sent", recipients.size());
        for (Subscriber subscriber : recipients) {
            progress.step();
            Optional<DeliveryLog.State> state = log.state(issue.issueId(), subscriber.id());
            if (state.isPresent() && state.get() == DeliveryLog.State.SENT) {
                alreadySent++;
                continue;
            }
            log.claim(issue.issueId(), subscriber.id());
            try {
                MimeMessage message = messages.create(issue, subscriber);
                mailer.send(slug + "-" + subscriber.id(), message);
                log.markSent(issue.issueId(), subscriber.id(), messages.messageId(issue, subscriber));
                sent++;
            } catch (MessagingException e) {
                failed++;
                log.markFailed(issue.issueId(), subscriber.id(), e.getMessage());
                LOG.warn("Delivery of {} to subscriber {} failed: {}", slug, subscriber.id(), e.getMessage());
            }
        }
        LOG.info("Delivered {} via {}: {} sent, {} already had it, {} failed", slug, mailer.describe(), sent,
                alreadySent, failed);
        return new DeliveryReport(issue.request(), slug, recipients.size(), sent, alreadySent, failed, mailer.describe());
    }

    private List<Subscriber> recipients(RenderedIssue issue) {
        List<Subscriber> active = subscribers.inState(Subscriber.State.ACTIVE);
        if (active.isEmpty() && issue.request().sample()) {
            return List.of(subscribers.demo());
        }
        return active;
    }
}
