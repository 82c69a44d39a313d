package io.paperwire.archive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * Serves a folder over HTTP on the loopback interface, the way a static host would: for the editor's
 * {@code paperwire preview --serve} and for browser tests of the archive. With a version supplier, HTML pages get a
 * small script that reloads them when the version changes (the preview re-renders when a template changes). Files
 * are resolved by {@link SiteFiles}, as {@code serve} resolves the archive's.
 */
public final class StaticSiteServer implements AutoCloseable {

    /** Where the reload script asks for the current version. */
    public static final String VERSION_PATH = "/__paperwire/version";

    private static final String RELOAD_SCRIPT = """
            <script>(function(){var v=null;setInterval(function(){fetch("%s",{cache:"no-store"})
            .then(function(r){return r.text();}).then(function(t){if(v!==null&&t!==v){location.reload();}v=t;})
            .catch(function(){});},1000);})();</script>
            """.formatted(VERSION_PATH);

    private final HttpServer server;
    private final Path root;
    private final LongSupplier version;

    private StaticSiteServer(HttpServer server, Path root, LongSupplier version) {
        this.server = server;
        this.root = root;
        this.version = version;
    }

    /** Serves {@code root} on 127.0.0.1; port 0 picks a free one. */
    public static StaticSiteServer start(Path root, int port) {
        return start(root, port, null);
    }

    /** As {@link #start(Path, int)}, with pages reloading in the browser whenever {@code version} changes. */
    public static StaticSiteServer start(Path root, int port, LongSupplier version) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            StaticSiteServer site = new StaticSiteServer(server, root.toAbsolutePath().normalize(), version);
            server.createContext("/", site::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "paperwire-site-server");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + root + " on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** The server's address, e.g. {@code http://127.0.0.1:43121/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (version != null && path.equals(VERSION_PATH)) {
                send(exchange, 200, "text/plain; charset=utf-8",
                        Long.toString(version.getAsLong()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<SiteFiles.Found> found = SiteFiles.find(root, exchange.getRequestURI().getRawPath());
            if (found.isEmpty()) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            SiteFiles.Found file = found.get();
            byte[] body = Files.readAllBytes(file.file());
            if (version != null && file.contentType().startsWith("text/html")) {
                String html = new String(body, StandardCharsets.UTF_8);
                int end = html.lastIndexOf("</body>");
                body = (end < 0 ? html + RELOAD_SCRIPT : html.substring(0, end) + RELOAD_SCRIPT + html.substring(end))
                        .getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, 200, file.contentType(), body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
