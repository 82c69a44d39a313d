package io.paperwire.deliver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP relay on loopback in front of a real SMTP server (GreenMail), that adds the faults a test needs at exact
 * points: a recipient answered 550; the server "stopping" after exactly N accepted messages (the listener closes and
 * any message in flight is cut off before its final dot, so the server never accepted it); or every message after
 * the N-th held unanswered, so a sender can be killed while its workers wait for the server; or an outage, from the
 * N-th accepted message until {@link #recover()}, in which every new connection is greeted with {@code 421} and every
 * open one answered {@code 421} to its next command, then closed (as a server shutting down does).
 */
final class FaultySmtpProxy implements AutoCloseable {

    private final int upstreamPort;
    private final int port;
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Set<String> deferred = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deferrals = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    /** Messages let through to the server at their final dot (accepted, or on their way to be). */
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile int limit = Integer.MAX_VALUE;
    private volatile boolean stallInsteadOfStop;
    private volatile int outageAfter = Integer.MAX_VALUE;
    private volatile boolean down;
    private volatile CountDownLatch stallGate = new CountDownLatch(1);
    private int forwarded;

    FaultySmtpProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    int port() {
        return port;
    }

    int accepted() {
        return accepted.get();
    }

    int stalled() {
        return stalled.get();
    }

    void rejectRecipient(String address) {
        rejected.add(address.toLowerCase(Locale.ROOT));
    }

    /** The server answers {@code 450} (try again later) to this recipient, every time. */
    void deferRecipient(String address) {
        deferred.add(address.toLowerCase(Locale.ROOT));
    }

    int deferrals() {
        return deferrals.get();
    }

    /** After {@code n} accepted messages the server answers 421 to everything until {@link #recover()}. */
    void outageAfter(int n) {
        outageAfter = n;
        down = accepted.get() >= n;
    }

    /** The outage ends: everything passes through again. */
    void recover() {
        outageAfter = Integer.MAX_VALUE;
        down = false;
    }

    boolean isDown() {
        return down;
    }

    /** After {@code n} accepted messages the server goes away: listener closed, messages in flight cut off. */
    synchronized void stopAfter(int n) {
        limit = n;
        stallInsteadOfStop = false;
    }

    /** After {@code n} accepted messages every further message waits, unanswered, until {@link #dropStalled()}. */
    synchronized void stallAfter(int n) {
        limit = n;
        stallInsteadOfStop = true;
    }

    /** Cuts off every held message (the server never accepted them) and passes everything through again. */
    synchronized void dropStalled() {
        limit = Integer.MAX_VALUE;
        stallInsteadOfStop = false;
        stallGate.countDown();
        stallGate = new CountDownLatch(1);
    }

    /** The server is back on the same port, passing everything through. */
    synchronized void restart() throws IOException {
        limit = Integer.MAX_VALUE;
        forwarded = accepted.get();
        if (listener.isClosed()) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(again);
        }
    }

    private void listen(ServerSocket socket) {
        listener = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread relay = new Thread(() -> relay(client), "smtp-proxy-relay");
                    relay.setDaemon(true);
                    relay.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private enum EndOfData { FORWARD, DROP, STALL }

    private synchronized EndOfData admit() {
        if (forwarded < limit) {
            forwarded++;
            return EndOfData.FORWARD;
        }
        return stallInsteadOfStop ? EndOfData.STALL : EndOfData.DROP;
    }

    private void relay(Socket client) {
        open.add(client);
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            open.add(server);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toServer = server.getOutputStream();
            String greeting = readReply(fromServer);
            if (down) {
                write(toClient, SERVICE_NOT_AVAILABLE);
                return;
            }
            write(toClient, greeting);
            boolean data = false;
            String line;
            while ((line = readLine(fromClient)) != null) {
                if (data) {
                    if (!line.equals(".")) {
                        write(toServer, line + "\r\n");
                        continue;
                    }
                    data = false;
                    // Checked and counted in one step: workers finishing their messages together must not slip a
                    // message past the outage's threshold.
                    if (down || admitted.incrementAndGet() > outageAfter) {
                        if (!down) {
                            admitted.decrementAndGet();
                        }
                        write(toClient, SERVICE_NOT_AVAILABLE);
                        return;
                    }
                    EndOfData decision = admit();
                    if (decision != EndOfData.FORWARD) {
                        admitted.decrementAndGet();
                    }
                    if (decision == EndOfData.STALL) {
                        stalled.incrementAndGet();
                        CountDownLatch gate = stallGate;
                        gate.await(5, TimeUnit.MINUTES);
                        stalled.decrementAndGet();
                        return;
                    }
                    if (decision == EndOfData.DROP) {
                        return;
                    }
                    write(toServer, ".\r\n");
                    String reply = readReply(fromServer);
                    if (reply.startsWith("250")) {
                        int total = accepted.incrementAndGet();
                        if (total >= outageAfter) {
                            down = true;
                        }
                        write(toClient, reply);
                        if (total >= limit && !stallInsteadOfStop) {
                            listener.close();
                        }
                    } else {
                        admitted.decrementAndGet();
                        write(toClient, reply);
                    }
                    continue;
                }
                String upper = line.toUpperCase(Locale.ROOT);
                if (down && !upper.equals("QUIT")) {
                    write(toClient, SERVICE_NOT_AVAILABLE);
                    return;
                }
                if (upper.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, Math.max(line.indexOf('<') + 1, line.indexOf('>')));
                    if (deferred.contains(address.toLowerCase(Locale.ROOT))) {
                        deferrals.incrementAndGet();
                        write(toClient, "450 4.2.1 <" + address + ">: Mailbox busy, try again later\r\n");
                        continue;
                    }
                    if (rejected.contains(address.toLowerCase(Locale.ROOT))) {
                        write(toClient, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown\r\n");
                        continue;
                    }
                }
                write(toServer, line + "\r\n");
                String reply = readReply(fromServer);
                write(toClient, reply);
                if (upper.equals("DATA") && reply.startsWith("354")) {
                    data = true;
                } else if (upper.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client or the server went away; so does this relay.
        } finally {
            open.remove(client);
        }
    }

    private static final String SERVICE_NOT_AVAILABLE =
            "421 4.3.2 Service not available, closing transmission channel\r\n";

    private static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                throw new IOException("server closed the connection");
            }
            reply.append(line).append("\r\n");
        } while (line.length() > 3 && line.charAt(3) == '-');
        return reply.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        stallGate.countDown();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
