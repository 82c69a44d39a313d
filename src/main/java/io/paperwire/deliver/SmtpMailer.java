package io.paperwire.deliver;

import io.paperwire.mail.Mailer;
import io.paperwire.settings.PaperwireSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends over SMTP with Jakarta Mail through a pool of connected {@link Transport}s: each send borrows one (or
 * connects a new one), and gives it back when the server accepted the message, so every worker reuses its
 * connection for many messages. A transport that failed is closed, never reused. Connection, read and write
 * timeouts are always set (Jakarta Mail's default is to wait forever); STARTTLS, SSL and authentication follow the
 * settings. On a connection without TLS (a local relay), the messages of {@link MessageFactory} are written to the
 * socket in one piece ({@link DirectData}).
 */
public final class SmtpMailer implements Mailer {

    static {
        JakartaMailTuning.apply();
    }

    /** Connections idle longer than this are replaced: servers drop idle clients. */
    static final Duration MAX_IDLE = Duration.ofSeconds(30);

    /** A connected transport; {@code data} writes its messages straight to its socket, when it has no TLS. */
    private record Connection(Transport transport, DirectData data) {
        void send(MimeMessage message) throws MessagingException {
            if (data == null) {
                transport.sendMessage(message, message.getAllRecipients());
            } else {
                data.during(() -> transport.sendMessage(message, message.getAllRecipients()));
            }
        }
    }

    private record Pooled(Connection connection, long idleSince) {}

    private final PaperwireSettings.Smtp settings;
    private final String protocol;
    private final Session session;
    private final boolean plain;
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private final ScheduledThreadPoolExecutor writeTimeouts = writeTimeouts();
    private volatile boolean closed;

    public SmtpMailer(PaperwireSettings.Smtp settings, DeliverySettings delivery) {
        this.settings = settings;
        this.protocol = delivery.ssl() ? "smtps" : "smtp";
        this.plain = !delivery.ssl() && !settings.starttls();
        Properties properties = properties(settings, delivery);
        properties.put("mail." + protocol + ".executor.writetimeout", writeTimeouts);
        this.session = Session.getInstance(properties);
    }

    /**
     * The write timeouts of all this mailer's connections, on one thread. Jakarta Mail schedules a task before each
     * socket write and cancels it after; a task that becomes the earliest in the queue wakes the thread, a system call
     * or two per write. The heartbeat is always due within a second, earlier than any write's timeout, so no write
     * wakes it.
     */
    private static ScheduledThreadPoolExecutor writeTimeouts() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "smtp-write-timeouts");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        return executor;
    }

    public Session session() {
        return session;
    }

    static Properties properties(PaperwireSettings.Smtp settings, DeliverySettings delivery) {
        String protocol = delivery.ssl() ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        String timeout = String.valueOf(delivery.timeout().toMillis());
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", settings.host());
        p.put(prefix + "port", String.valueOf(settings.port()));
        p.put(prefix + "auth", String.valueOf(!settings.username().isBlank()));
        p.put(prefix + "starttls.enable", String.valueOf(!delivery.ssl() && settings.starttls()));
        p.put(prefix + "ssl.checkserveridentity", "true");
        if (!delivery.sslTrust().isBlank()) {
            p.put(prefix + "ssl.trust", delivery.sslTrust());
        }
        p.put(prefix + "connectiontimeout", timeout);
        p.put(prefix + "timeout", timeout);
        p.put(prefix + "writetimeout", timeout);
        if (!delivery.ssl()) {
            p.put(prefix + "socketFactory", new NoDelaySocketFactory());
        }
        return p;
    }

    @Override
    public String describe() {
        return protocol + " " + settings.host() + ":" + settings.port();
    }

    @Override
    public void send(String key, MimeMessage message) throws MessagingException {
        if (closed) {
            throw new MessagingException("the SMTP mailer is closed");
        }
        Pooled pooled = idle.poll();
        Connection connection = pooled != null && System.nanoTime() - pooled.idleSince() < MAX_IDLE.toNanos()
                ? pooled.connection() : null;
        if (pooled != null && connection == null) {
            quietlyClose(pooled.connection().transport());
        }
        if (connection != null) {
            // A pooled connection the server dropped since fails at once; that is no delivery failure, so the
            // message goes again on a new connection. No isConnected() check: it costs a NOOP round trip.
            try {
                connection.send(message);
                idle.push(new Pooled(connection, System.nanoTime()));
                return;
            } catch (MessagingException e) {
                quietlyClose(connection.transport());
                if (SendFailure.classify(e) != SendFailure.SERVER_UNAVAILABLE) {
                    throw e;
                }
            }
        }
        connection = connect();
        try {
            connection.send(message);
        } catch (MessagingException | RuntimeException e) {
            quietlyClose(connection.transport());
            throw e;
        }
        idle.push(new Pooled(connection, System.nanoTime()));
        if (closed) {
            close();
        }
    }

    /** Connects as a send would (greeting, EHLO, STARTTLS, login) and says QUIT. */
    @Override
    public void probe() throws MessagingException {
        quietlyClose(connect().transport());
    }

    private Connection connect() throws MessagingException {
        Transport transport = session.getTransport(protocol);
        NoDelaySocketFactory.takeMadeOnThisThread();
        if (settings.username().isBlank()) {
            transport.connect();
        } else {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password().value());
        }
        java.net.Socket socket = NoDelaySocketFactory.takeMadeOnThisThread();
        if (!plain || !(socket instanceof NoDelaySocketFactory.HoldingSocket holding)) {
            return new Connection(transport, null);
        }
        try {
            return new Connection(transport, new DirectData(holding.getOutputStream()));
        } catch (java.io.IOException e) {
            quietlyClose(transport);
            throw new MessagingException("cannot write to the connection to " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static void quietlyClose(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // The connection is going away either way.
        }
    }

    @Override
    public void close() {
        closed = true;
        Pooled pooled;
        while ((pooled = idle.poll()) != null) {
            quietlyClose(pooled.connection().transport());
        }
        writeTimeouts.shutdownNow();
    }
}
