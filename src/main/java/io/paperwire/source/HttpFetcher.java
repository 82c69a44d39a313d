package io.paperwire.source;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fetches one URL. The live chain is {@link CachingFetcher} → {@link PoliteFetcher} → {@link JdkHttpFetcher};
 * {@link SampleFetcher} answers from the bundled sample week.
 */
public interface HttpFetcher {

    /** A complete response; the body is capped by the fetcher. Header names are matched case-insensitively. */
    record Response(URI uri, int status, String contentType, byte[] body, Map<String, String> headers) {
        public Response {
            TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                copy.putAll(headers);
            }
            headers = Collections.unmodifiableSortedMap(copy);
        }

        public Response(URI uri, int status, String contentType, byte[] body) {
            this(uri, status, contentType, body, Map.of());
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** The header's value, or the empty string. */
        public String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * @throws SourceException naming the source and URL when no response can be had
     */
    default Response get(String source, URI uri) {
        return get(source, uri, Map.of());
    }

    /**
     * Fetches with extra request headers (e.g. {@code If-None-Match} for a conditional request).
     *
     * @throws SourceException naming the source and URL when no response can be had
     */
    Response get(String source, URI uri, Map<String, String> requestHeaders);

    /**
     * Tells the fetcher that the last answer for this URL was unusable (malformed, or an empty page that cannot be
     * true), so a cache must not serve it again.
     */
    default void reject(URI uri) {
    }
}
