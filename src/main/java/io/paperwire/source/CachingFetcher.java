package io.paperwire.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A disk cache in front of a fetcher. An answer stored less than {@code maxAge} ago is served without a request (a
 * rerun of the same week the same day asks nothing already answered); an older one is revalidated with a conditional
 * request ({@code If-None-Match} / {@code If-Modified-Since}) and reused on {@code 304 Not Modified}. Only successful
 * answers are stored, and an answer a source {@linkplain #reject rejects} is forgotten.
 */
public final class CachingFetcher implements HttpFetcher {

    /** Response header marking an answer served from the cache without a request. */
    public static final String CACHE_HEADER = "X-Paperwire-Cache";

    private static final Logger LOG = LoggerFactory.getLogger(CachingFetcher.class);

    private final HttpFetcher delegate;
    private final Path folder;
    private final Duration maxAge;
    private final Clock clock;

    public CachingFetcher(HttpFetcher delegate, Path folder, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.folder = folder;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    private record Entry(Path body, Path meta, Properties properties) {
        Instant storedAt() {
            return Instant.parse(properties.getProperty("stored-at"));
        }
    }

    @Override
    public Response get(String source, URI uri, Map<String, String> requestHeaders) {
        Entry entry = read(uri);
        if (entry != null && entry.storedAt().plus(maxAge).isAfter(clock.instant())) {
            return cached(uri, entry, "hit");
        }
        Map<String, String> headers = new LinkedHashMap<>(requestHeaders);
        if (entry != null) {
            String etag = entry.properties().getProperty("etag", "");
            String lastModified = entry.properties().getProperty("last-modified", "");
            if (!etag.isEmpty()) {
                headers.put("If-None-Match", etag);
            }
            if (!lastModified.isEmpty()) {
                headers.put("If-Modified-Since", lastModified);
            }
        }
        Response response = delegate.get(source, uri, headers);
        if (response.status() == 304 && entry != null) {
            entry.properties().setProperty("stored-at", clock.instant().toString());
            writeMeta(entry.meta(), entry.properties());
            return cached(uri, entry, "revalidated");
        }
        if (response.isSuccess()) {
            store(uri, response);
        }
        return response;
    }

    @Override
    public void reject(URI uri) {
        Path base = folder.resolve(key(uri));
        try {
            Files.deleteIfExists(base.resolveSibling(base.getFileName() + ".properties"));
            Files.deleteIfExists(base.resolveSibling(base.getFileName() + ".body"));
        } catch (IOException e) {
            LOG.warn("cannot forget the cached answer of {}: {}", uri, e.toString());
        }
        delegate.reject(uri);
    }

    private Response cached(URI uri, Entry entry, String how) {
        try {
            Map<String, String> headers = Map.of(CACHE_HEADER, how);
            return new Response(uri, 200, entry.properties().getProperty("content-type", ""),
                    Files.readAllBytes(entry.body()), headers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cached answer of " + uri + " from " + entry.body(), e);
        }
    }

    private Entry read(URI uri) {
        String key = key(uri);
        Path meta = folder.resolve(key + ".properties");
        Path body = folder.resolve(key + ".body");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(body)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
            if (!uri.toString().equals(properties.getProperty("url")) || properties.getProperty("stored-at") == null) {
                return null;
            }
            Instant.parse(properties.getProperty("stored-at"));
            return new Entry(body, meta, properties);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable cache entry {}: {}", meta, e.toString());
            return null;
        }
    }

    private void store(URI uri, Response response) {
        String key = key(uri);
        Properties properties = new Properties();
        properties.setProperty("url", uri.toString());
        properties.setProperty("stored-at", clock.instant().toString());
        properties.setProperty("content-type", response.contentType());
        properties.setProperty("etag", response.header("ETag"));
        properties.setProperty("last-modified", response.header("Last-Modified"));
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, key, ".tmp");
            Files.write(tmp, response.body());
            Files.move(tmp, folder.resolve(key + ".body"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            writeMeta(folder.resolve(key + ".properties"), properties);
        } catch (IOException e) {
            LOG.warn("cannot cache the answer of {} in {}: {}", uri, folder, e.toString());
        }
    }

    private void writeMeta(Path meta, Properties properties) {
        try {
            Path tmp = Files.createTempFile(folder, "meta", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                properties.store(out, null);
            }
            Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write cache entry {}: {}", meta, e.toString());
        }
    }

    static String key(URI uri) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
