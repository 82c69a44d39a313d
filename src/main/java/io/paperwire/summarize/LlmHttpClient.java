package io.paperwire.summarize;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import io.paperwire.common.RetryAfter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP client LangChain4j's chat models use here: the JDK client with one timeout for the whole call, and errors
 * that keep what a retry needs to know — the status and the server's {@code Retry-After}. (LangChain4j's own JDK
 * client drops the response headers of an error.) Streaming is not used by Paperwire.
 */
final class LlmHttpClient implements HttpClient {

    /** A non-2xx answer; {@link #retryAfter()} is the server's {@code Retry-After} when it sent one. */
    static final class StatusException extends HttpException {
        private final transient Optional<Duration> retryAfter;

        StatusException(int status, String body, Optional<Duration> retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    /** The call took longer than the per-call timeout. */
    static final class CallTimeoutException extends RuntimeException {
        CallTimeoutException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final java.net.http.HttpClient client;
    private final Duration timeout;

    LlmHttpClient(Duration connectTimeout, Duration timeout) {
        this.client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
    }

    /** A builder LangChain4j accepts; the timeouts it sets are ignored in favour of the stage's per-call timeout. */
    static HttpClientBuilder builder(Duration timeout) {
        return new HttpClientBuilder() {
            @Override
            public Duration connectTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder connectTimeout(Duration ignored) {
                return this;
            }

            @Override
            public Duration readTimeout() {
                return timeout;
            }

            @Override
            public HttpClientBuilder readTimeout(Duration ignored) {
                return this;
            }

            @Override
            public HttpClient build() {
                return new LlmHttpClient(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10), timeout);
            }
        };
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout);
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        java.net.http.HttpRequest.BodyPublisher body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        builder.method(request.method().name(), body);
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new CallTimeoutException("no answer from " + hostOf(request) + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + hostOf(request) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + hostOf(request), e);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new StatusException(response.statusCode(), abbreviate(response.body()),
                    RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Clock.systemUTC()));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        listener.onError(new UnsupportedOperationException("Paperwire does not stream LLM answers"));
    }


    private static String hostOf(HttpRequest request) {
        URI uri = URI.create(request.url());
        return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
