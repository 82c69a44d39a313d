package io.paperwire.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;

import java.util.Map;

/**
 * Live HTTP with the JDK client: HTTP/1.1 on a kept-alive connection, a descriptive User-Agent, timeouts, a cap on
 * the body size, and redirects followed only to allowed hosts.
 */
public final class JdkHttpFetcher implements HttpFetcher {

    static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final String userAgent;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final HostAllowList allowList;

    public JdkHttpFetcher(String userAgent, Duration timeout, int maxBodyBytes, HostAllowList allowList) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.allowList = allowList;
    }

    @Override
    public Response get(String source, URI uri, Map<String, String> requestHeaders) {
        URI current = uri;
        for (int hop = 0; ; hop++) {
            allowList.check(source, current);
            Response response = once(source, current, requestHeaders);
            String location = response.header("Location");
            if (response.status() < 300 || response.status() > 399 || response.status() == 304 || location.isEmpty()) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new SourceException(source, uri, "more than " + MAX_REDIRECTS + " redirects");
            }
            current = current.resolve(location);
        }
    }

    private Response once(String source, URI uri, Map<String, String> requestHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "identity")
                .GET();
        requestHeaders.forEach(request::header);
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(maxBodyBytes + 1);
            }
            if (body.length > maxBodyBytes) {
                throw new SourceException(source, uri, "response larger than " + maxBodyBytes / 1024 + " KiB "
                        + "(paperwire.http.max-body-kb)");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            return new Response(uri, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    body, headers);
        } catch (HttpTimeoutException e) {
            throw new FetchFailedException(source, uri, "no answer within " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s"), e);
        } catch (IOException e) {
            throw new FetchFailedException(source, uri, "request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(source, uri, "interrupted", e);
        }
    }

}
