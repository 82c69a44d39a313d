package io.paperwire.subscribers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.render.PageChrome;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web side of subscribing, bound as {@code subscriptionPages} and called by {@code routes/serve/subscribe.camel.yaml}:
 * {@code GET|POST /subscribe} (form or JSON), {@code GET /confirm?token=…}, {@code GET /unsubscribe?token=…} (a page
 * whose button POSTs) and {@code POST /unsubscribe?token=…} (RFC 8058 one-click: no cookie, no login). Pages are the
 * {@code templates/site/subscribe|confirm|unsubscribe.ftlh} templates; JSON clients get JSON. A GET never changes a
 * subscription, since link scanners follow links.
 */
public final class SubscriptionPages {

    public static final String SUBSCRIBE = "site/subscribe.ftlh";
    public static final String CONFIRM = "site/confirm.ftlh";
    public static final String UNSUBSCRIBE = "site/unsubscribe.ftlh";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;

    private final SubscriptionService service;
    private final TemplateEngine templates;
    private final PageChrome chrome;

    public SubscriptionPages(SubscriptionService service, TemplateEngine templates, PaperwireSettings settings) {
        this.service = service;
        this.templates = templates;
        this.chrome = new PageChrome(settings);
    }

    /** {@code GET /subscribe}: the form; {@code POST /subscribe}: ask for confirmation. */
    public void subscribe(Exchange exchange) {
        Request request = Request.of(exchange);
        if (request.method.equals("GET")) {
            page(exchange, 200, SUBSCRIBE, "form", Map.of());
            return;
        }
        Map<String, String> fields = request.fields();
        SubscriptionService.SubscribeResult result = service.subscribe(fields.getOrDefault("email", ""), request.client);
        int status = switch (result) {
            case ACCEPTED -> 200;
            case INVALID -> 400;
            case RATE_LIMITED -> 429;
        };
        String state = result.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (request.wantsJson()) {
            json(exchange, status, state, switch (result) {
                case ACCEPTED -> "If the address can receive the newsletter, a confirmation email is on its way.";
                case INVALID -> "Please give one valid email address.";
                case RATE_LIMITED -> "Too many requests; please try again later.";
            });
        } else {
            page(exchange, status, SUBSCRIBE, state, Map.of());
        }
        if (result == SubscriptionService.SubscribeResult.RATE_LIMITED) {
            exchange.getMessage().setHeader("Retry-After", "3600");
        }
    }

    /** {@code GET /confirm?token=…}: confirms the subscription the link was sent for. */
    public void confirm(Exchange exchange) {
        Request request = Request.of(exchange);
        Optional<Subscriber> confirmed = service.confirm(request.query.get("token"));
        if (request.wantsJson()) {
            json(exchange, confirmed.isPresent() ? 200 : 400, confirmed.isPresent() ? "confirmed" : "invalid-link",
                    confirmed.isPresent() ? "Your subscription is confirmed." : "This link is not valid.");
            return;
        }
        page(exchange, confirmed.isPresent() ? 200 : 400, CONFIRM, confirmed.isPresent() ? "confirmed" : "invalid",
                Map.of());
    }

    /** {@code GET /unsubscribe?token=…} shows the button; {@code POST} unsubscribes at once. */
    public void unsubscribe(Exchange exchange) {
        Request request = Request.of(exchange);
        String token = request.query.getOrDefault("token", request.method.equals("POST")
                ? request.fields().get("token") : null);
        if (request.method.equals("GET")) {
            Optional<Subscriber> subscriber = service.checkUnsubscribe(token);
            if (subscriber.isEmpty()) {
                page(exchange, 400, UNSUBSCRIBE, "invalid", Map.of());
            } else {
                page(exchange, 200, UNSUBSCRIBE, "ask", Map.of("email", subscriber.get().email(),
                        "action", "unsubscribe?token=" + token));
            }
            return;
        }
        Optional<Subscriber> done = service.unsubscribe(token);
        if (request.wantsJson()) {
            json(exchange, done.isPresent() ? 200 : 400, done.isPresent() ? "unsubscribed" : "invalid-link",
                    done.isPresent() ? "You are unsubscribed." : "This link is not valid.");
            return;
        }
        page(exchange, done.isPresent() ? 200 : 400, UNSUBSCRIBE, done.isPresent() ? "done" : "invalid",
                done.map(s -> Map.<String, Object>of("email", s.email())).orElse(Map.of()));
    }

    private void page(Exchange exchange, int status, String template, String state, Map<String, Object> extra) {
        Map<String, Object> model = chrome.model(extra);
        model.put("state", state);
        respond(exchange, status, "text/html; charset=utf-8", templates.render(template, model));
    }

    private static void json(Exchange exchange, int status, String state, String message) {
        String body = JSON.createObjectNode().put("status", state).put("message", message).toString();
        respond(exchange, status, "application/json", body);
    }

    private static void respond(Exchange exchange, int status, String contentType, String body) {
        Message message = exchange.getMessage();
        // Request headers and query parameters arrive as message headers; none of them may echo into the reply.
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setBody(body);
    }

    /** What the bean needs from an HTTP request, read before the headers are cleared. */
    private record Request(String method, String contentType, String accept, Map<String, String> query, String body,
                           String client, Map<String, String> form) {

        static Request of(Exchange exchange) {
            Message in = exchange.getMessage();
            String method = String.valueOf(in.getHeader(Exchange.HTTP_METHOD, "GET", String.class)).toUpperCase(Locale.ROOT);
            Map<String, String> form = new HashMap<>();
            String body = null;
            if (method.equals("POST") && in.getBody() instanceof Map<?, ?> parsed) {
                // Platform HTTP has already parsed a url-encoded form into a map.
                parsed.forEach((name, value) -> form.put(String.valueOf(name), String.valueOf(value)));
            } else if (method.equals("POST")) {
                body = in.getBody(String.class);
            }
            if (body != null && body.length() > MAX_BODY) {
                body = body.substring(0, MAX_BODY);
            }
            return new Request(method, in.getHeader(Exchange.CONTENT_TYPE, "", String.class),
                    in.getHeader("Accept", "", String.class), formFields(in.getHeader(Exchange.HTTP_QUERY, "", String.class)),
                    body == null ? "" : body, client(in), form);
        }

        boolean wantsJson() {
            return contentType.toLowerCase(Locale.ROOT).startsWith("application/json")
                    || (accept.toLowerCase(Locale.ROOT).startsWith("application/json"));
        }

        Map<String, String> fields() {
            if (contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                try {
                    JsonNode node = JSON.readTree(body);
                    Map<String, String> fields = new HashMap<>();
                    if (node != null && node.isObject()) {
                        node.fields().forEachRemaining(e -> {
                            if (e.getValue().isTextual()) {
                                fields.put(e.getKey(), e.getValue().asText());
                            }
                        });
                    }
                    return fields;
                } catch (Exception e) {
                    return Map.of();
                }
            }
            return form.isEmpty() ? formFields(body) : form;
        }

        private static String client(Message in) {
            Object remote = in.getHeader("CamelVertxPlatformHttpRemoteAddress");
            if (remote instanceof io.vertx.core.net.SocketAddress address) {
                return address.hostAddress();
            }
            return remote == null ? "unknown" : remote.toString();
        }
    }

    /** Parses {@code a=1&b=2} (URL-encoded); the first value of a repeated name wins. */
    static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                // A malformed %-escape: skip the pair, as a lenient form parser does.
            }
        }
        return fields;
    }
}
