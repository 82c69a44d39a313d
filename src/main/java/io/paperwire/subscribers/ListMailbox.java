package io.paperwire.subscribers;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.settings.SettingsReader;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.SubjectTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the list's own mailbox, the From address's, over IMAP: what subscribers and their mail servers send back.
 * Route {@code subscribers-read-mailbox} polls it while {@code serve} runs. Off until
 * {@code paperwire.list-mailbox.host} is set.
 *
 * <ul>
 *   <li><b>Unsubscribe mails</b>, the {@code mailto:} half of every message's {@code List-Unsubscribe}: an unread mail
 *       whose subject carries a genuine token ({@code unsubscribe <token>}, as the header asks the mail client to
 *       write it) unsubscribes its subscriber.</li>
 *   <li><b>Reports</b> ({@code multipart/report}) about a message we sent, acted on by the report handler: a relay's
 *       bounce report of a permanent failure marks the subscriber bounced ({@code io.paperwire.deliver.BounceReports});
 *       a mailbox provider's spam complaint unsubscribes them ({@code io.paperwire.deliver.ComplaintReports}).</li>
 * </ul>
 *
 * <p>A mail that is acted on is marked read; any other is left unread for a person to see (a reader's "please
 * unsubscribe me" without a token, a reply, a delay notice), and a forged token or report changes nothing.
 */
public final class ListMailbox {

    private static final Logger LOG = LoggerFactory.getLogger(ListMailbox.class);
    private static final Pattern TOKEN = Pattern.compile("(?i)\\bunsubscribe\\s+(\\S+)");

    /** Where the mailbox is; {@code host} empty when mail unsubscribes are not read. */
    public record Settings(String host, int port, boolean ssl, String username, PaperwireSettings.Secret password,
                           String folder, int pollSeconds, int timeoutSeconds) {

        public boolean enabled() {
            return !host.isBlank();
        }

        /**
         * Reads {@code paperwire.list-mailbox.*} and {@code PAPERWIRE_LIST_MAILBOX_PASSWORD}.
         *
         * @throws PaperwireSettings.InvalidSettingsException naming each bad key and how to fix it
         */
        public static Settings from(PaperwireSettings settings) {
            return SettingsReader.checked(settings.values(), r -> read(settings, r));
        }

        /** Reads {@code paperwire.list-mailbox.*}, adding every problem to {@code read}. */
        public static Settings read(PaperwireSettings settings, SettingsReader read) {
            String prefix = "paperwire.list-mailbox.";
            String host = read.text(prefix + "host");
            int port = read.integer(prefix + "port", 1, 65535);
            boolean ssl = read.bool(prefix + "ssl");
            String username = read.text(prefix + "username");
            String folder = read.text(prefix + "folder");
            int poll = read.integer(prefix + "poll-seconds", 1, 86_400);
            int timeout = read.integer(prefix + "timeout-seconds", 1, 600);
            PaperwireSettings.Secret password = settings.secret(prefix + "password");
            if (!host.isEmpty() && (username.isEmpty() || !password.isPresent())) {
                read.problem(prefix + "host = '" + host + "': also set " + prefix + "username and"
                        + " PAPERWIRE_LIST_MAILBOX_PASSWORD, the login of the From address's mailbox");
            }
            if (folder.isEmpty()) {
                read.problem(prefix + "folder", folder, "name the folder to read, e.g. INBOX");
            }
            return new Settings(host, port, ssl, username, password, folder, poll, timeout);
        }
    }

    /** Acts on one unread report (a bounce, a complaint); true when it did (the mail is then marked read). */
    @FunctionalInterface
    public interface ReportHandler {
        boolean actOn(Message report) throws MessagingException, IOException;
    }

    private final Settings settings;
    private final Function<String, Optional<Subscriber>> unsubscribe;
    private final ReportHandler reports;
    private final Session session;
    /** Messages already found to carry no genuine token, so each is reported once per process. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean announced = new AtomicBoolean();

    /** @param unsubscribe unsubscribes the subscriber a genuine token names; empty for any other token */
    public ListMailbox(Settings settings, Function<String, Optional<Subscriber>> unsubscribe, ReportHandler reports) {
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.reports = reports;
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.timeoutSeconds() * 1000L);
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        // Reading a report's body would otherwise mark it read, acted on or not.
        properties.put("mail." + protocol + ".peek", "true");
        this.session = Session.getInstance(properties);
    }

    /**
     * Looks at the new unsubscribe mails and reports (bounces, complaints) once.
     *
     * @return mails acted on by this call
     */
    public int poll() {
        if (announced.compareAndSet(false, true)) {
            if (settings.enabled()) {
                LOG.info("Reading unsubscribe mails and bounce and complaint reports from {}@{}:{} ({}) every poll",
                        settings.username(), settings.host(), settings.port(), settings.folder());
            } else {
                LOG.info("Unsubscribe mails (the mailto: of List-Unsubscribe), bounces and complaints are not read: set"
                        + " paperwire.list-mailbox.host, or act on them by hand");
            }
        }
        if (!settings.enabled()) {
            return 0;
        }
        try (Store store = session.getStore(settings.ssl() ? "imaps" : "imap")) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password().value());
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                FlagTerm unread = new FlagTerm(new Flags(Flags.Flag.SEEN), false);
                return unsubscribeBy(folder.search(new AndTerm(unread, new SubjectTerm("unsubscribe"))))
                        + actOnReports(folder.search(new AndTerm(unread,
                                new HeaderTerm("Content-Type", "multipart/report"))));
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            LOG.warn("Cannot read the unsubscribe mailbox {}@{}:{} ({}): {}; trying again at the next poll",
                    settings.username(), settings.host(), settings.port(), settings.folder(), e.getMessage());
            return 0;
        }
    }

    private int unsubscribeBy(Message[] messages) throws MessagingException {
        int unsubscribed = 0;
        for (Message message : messages) {
            String subject = Optional.ofNullable(message.getSubject()).orElse("");
            Matcher token = TOKEN.matcher(subject);
            Optional<Subscriber> subscriber = token.find() ? unsubscribe.apply(token.group(1)) : Optional.empty();
            if (subscriber.isPresent()) {
                message.setFlag(Flags.Flag.SEEN, true);
                unsubscribed++;
                LOG.info("Subscriber {} unsubscribed by mail", subscriber.get().id());
            } else if (reported.add(key(message, subject))) {
                LOG.info("A mail to the unsubscribe mailbox carries no genuine unsubscribe token; left unread for a"
                        + " person to act on");
            }
        }
        return unsubscribed;
    }

    private int actOnReports(Message[] found) throws MessagingException {
        int actedOn = 0;
        for (Message report : found) {
            boolean done;
            try {
                // Parsed here from the whole mail, not from the server's outline of its parts: IMAP servers describe
                // parts such as message/feedback-report in ways of their own.
                done = reports.actOn(report instanceof MimeMessage mime ? new MimeMessage(mime) : report);
            } catch (IOException | MessagingException e) {
                LOG.warn("Cannot read a report in the list mailbox: {}; left unread", e.getMessage());
                done = false;
            }
            if (done) {
                report.setFlag(Flags.Flag.SEEN, true);
                actedOn++;
            } else if (reported.add(key(report, Optional.ofNullable(report.getSubject()).orElse("")))) {
                LOG.info("A report in the list mailbox is neither a permanent failure of nor a complaint about a"
                        + " message Paperwire sent (a delay, a temporary failure, or not ours); left unread for a"
                        + " person to look at");
            }
        }
        return actedOn;
    }

    private static String key(Message message, String subject) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        return ids != null && ids.length > 0 ? ids[0] : subject + "|" + message.getSentDate();
    }
}
