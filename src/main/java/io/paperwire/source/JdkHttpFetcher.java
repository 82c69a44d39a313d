package io.paperwire.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Live HTTP with the JDK client: a descriptive User-Agent, timeouts, and a cap on the body size. */
public final class JdkHttpFetcher implements HttpFetcher {

    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;

    public JdkHttpFetcher(String userAgent, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.userAgent = userAgent;
        this.timeout = timeout;
    }

    @Override
    public Response get(String source, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "identity")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw new SourceException(source, uri, "response larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            return new Response(uri, response.statusCode(), contentType, body);
        } catch (HttpTimeoutException e) {
            throw new SourceException(source, uri, "no answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new SourceException(source, uri, "request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source, uri, "interrupted", e);
        }
    }
}
