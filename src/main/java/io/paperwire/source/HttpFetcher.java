package io.paperwire.source;

import java.net.URI;

/** Fetches one URL. Implementations: {@link JdkHttpFetcher} (live) and {@link SampleFetcher} (bundled sample week). */
public interface HttpFetcher {

    /** A complete response; the body is capped by the fetcher. */
    record Response(URI uri, int status, String contentType, byte[] body) {
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * @throws SourceException naming the source and URL when no response can be had
     */
    Response get(String source, URI uri);
}
