package io.paperwire.deliver;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Plain sockets with Nagle's algorithm off. SMTP is a chain of small commands each waiting for its reply; with Nagle
 * on, the short final {@code .} after a message body waits for the server's delayed ACK (about 40 ms on Linux),
 * which caps a connection at a few dozen messages a second. The socket made last on a thread is kept for
 * {@link SmtpMailer}, which writes messages straight to it ({@link DirectData}), each with its closing dot
 * ({@link HeldWrites}).
 */
final class NoDelaySocketFactory extends SocketFactory {

    /** The socket made last on each thread: Jakarta Mail connects on the thread that asks it to. */
    private static final ThreadLocal<Socket> MADE = new ThreadLocal<>();

    /** The socket this factory made on this thread since the last call, if any; forgets it. */
    static Socket takeMadeOnThisThread() {
        Socket socket = MADE.get();
        MADE.remove();
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new HoldingSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = new HoldingSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return noDelay(socket);
    }

    /** A socket whose output can hold a message's data until its closing dot ({@link HeldWrites}). */
    static final class HoldingSocket extends Socket {
        private HeldWrites output;

        @Override
        public synchronized HeldWrites getOutputStream() throws IOException {
            if (output == null) {
                output = new HeldWrites(super.getOutputStream());
            }
            return output;
        }
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        MADE.set(socket);
        return socket;
    }
}
