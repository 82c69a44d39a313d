package io.paperwire.subscribers;

import io.paperwire.render.PageChrome;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reader's own pages, bound as {@code preferencesPages} and called by {@code routes/serve/preferences.camel.yaml}:
 * {@code GET /preferences?token=…} shows the form, {@code POST} saves it (or, with {@code action=forget}, deletes the
 * reader's data); {@code GET /feedback?token=…&vote=more|less} shows a page whose button {@code POST}s the vote. The
 * tokens are the signed ones of {@link PersonalTokens}: a forged or altered token gets a 4xx page and changes
 * nothing, and a GET never changes anything (link scanners follow links). No account, no password, no cookie.
 */
public final class PreferencesPages {

    public static final String PREFERENCES = "site/preferences.ftlh";
    public static final String FEEDBACK = "site/feedback.ftlh";
    public static final List<String> TEMPLATES = List.of(PREFERENCES, FEEDBACK);

    /** The arXiv categories the form offers as check boxes (others go in the free field), with readable names. */
    static final Map<String, String> TOPICS = topics();

    private final SubscriberStore subscribers;
    private final PreferencesStore store;
    private final PersonalTokens tokens;
    private final TemplateEngine templates;
    private final PageChrome chrome;

    public PreferencesPages(SubscriberStore subscribers, PreferencesStore store, PersonalTokens tokens,
                            TemplateEngine templates, PaperwireSettings settings) {
        this.subscribers = subscribers;
        this.store = store;
        this.tokens = tokens;
        this.templates = templates;
        this.chrome = new PageChrome(settings);
    }

    /** {@code GET|POST /preferences?token=…}. */
    public void preferences(Exchange exchange) {
        WebRequest request = WebRequest.of(exchange);
        String token = request.param("token");
        Optional<PersonalTokens.Claim> claim = tokens.parsePreferences(token);
        Optional<Subscriber> reader = claim.flatMap(c -> subscribers.byId(c.subscriberId()))
                .filter(s -> tokens.verify(claim.get(), s));
        if (reader.isEmpty()) {
            page(exchange, claim.isEmpty() ? 400 : 403, PREFERENCES, Map.of("state", "invalid"));
            return;
        }
        Subscriber s = reader.get();
        if (request.method().equals("GET")) {
            page(exchange, 200, PREFERENCES, form(s, token, store.of(s.id()).orElse(Preferences.DEFAULT), "form", ""));
            return;
        }
        if ("forget".equals(request.form().get("action"))) {
            store.forget(s.id());
            page(exchange, 200, PREFERENCES, Map.of("state", "forgotten"));
            return;
        }
        Preferences chosen;
        try {
            chosen = read(request.form());
        } catch (IllegalArgumentException e) {
            page(exchange, 400, PREFERENCES, form(s, token, store.of(s.id()).orElse(Preferences.DEFAULT), "form",
                    e.getMessage()));
            return;
        }
        store.save(s.id(), chosen);
        page(exchange, 200, PREFERENCES, form(s, token, chosen, "saved", ""));
    }

    /** {@code GET /feedback?token=…&vote=more|less} shows the button; {@code POST} records the vote. */
    public void feedback(Exchange exchange) {
        WebRequest request = WebRequest.of(exchange);
        Optional<PersonalTokens.Claim> claim = tokens.parseFeedback(request.param("token"));
        Optional<Subscriber> reader = claim.flatMap(c -> subscribers.byId(c.subscriberId()))
                .filter(s -> tokens.verify(claim.get(), s));
        if (reader.isEmpty()) {
            page(exchange, claim.isEmpty() ? 400 : 403, FEEDBACK, Map.of("state", "invalid"));
            return;
        }
        String vote = "less".equals(request.param("vote")) ? "less" : "more";
        Map<String, Object> model = new HashMap<>();
        model.put("arxivId", claim.get().arxivId());
        model.put("absUrl", "https://arxiv.org/abs/" + claim.get().arxivId());
        model.put("vote", vote);
        model.put("action", "feedback?token=" + request.param("token"));
        model.put("preferencesUrl", "preferences?token=" + tokens.preferences(reader.get()));
        if (request.method().equals("GET")) {
            model.put("state", "ask");
            page(exchange, 200, FEEDBACK, model);
            return;
        }
        store.vote(reader.get().id(), claim.get().arxivId(), vote.equals("more") ? 1 : -1);
        model.put("state", "done");
        page(exchange, 200, FEEDBACK, model);
    }

    /** The preferences a posted form asks for. @throws IllegalArgumentException saying which field is wrong */
    static Preferences read(Map<String, String> form) {
        List<String> topics = new ArrayList<>();
        TOPICS.keySet().forEach(code -> {
            if (form.containsKey("topic." + code)) {
                topics.add(code);
            }
        });
        topics.addAll(Preferences.split(form.get("topics")));
        String picks = form.getOrDefault("picks", "").strip();
        Integer count;
        try {
            count = picks.isEmpty() ? null : Integer.valueOf(picks);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("picks: give a number from 0 to " + Preferences.MAX_PICKS);
        }
        return new Preferences(form.containsKey("weekly"), form.containsKey("roundups"), topics,
                Preferences.split(form.get("follows")), Preferences.split(form.get("mutes")),
                Preferences.split(form.get("authors")), count, Preferences.Format.of(form.get("format")));
    }

    private Map<String, Object> form(Subscriber s, String token, Preferences p, String state, String problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("state", state);
        model.put("problem", problem);
        model.put("email", s.email());
        model.put("action", "preferences?token=" + token);
        model.put("topics", TOPICS);
        model.put("chosen", p.topics());
        model.put("otherTopics", String.join(", ", p.topics().stream().filter(t -> !TOPICS.containsKey(t)).toList()));
        model.put("p", p);
        model.put("picks", p.picks() == null ? "" : String.valueOf(p.picks()));
        return model;
    }

    private void page(Exchange exchange, int status, String template, Map<String, Object> extra) {
        Map<String, Object> model = chrome.model(extra);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        message.setHeader("Cache-Control", "no-store");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setBody(templates.render(template, model));
    }

    private static Map<String, String> topics() {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String code : List.of("cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.RO", "cs.IR", "cs.NE", "cs.HC", "cs.CR",
                "cs.MA", "cs.SD", "eess.AS", "eess.IV", "stat.ML")) {
            topics.put(code, io.paperwire.paper.ArxivCategories.name(code));
        }
        return topics;
    }

    /** What the pages need from an HTTP request, read before the headers are cleared. */
    record WebRequest(String method, Map<String, String> query, Map<String, String> form) {

        static WebRequest of(Exchange exchange) {
            Message in = exchange.getMessage();
            String method = String.valueOf(in.getHeader(Exchange.HTTP_METHOD, "GET", String.class)).toUpperCase(Locale.ROOT);
            Map<String, String> form = new HashMap<>();
            if (method.equals("POST") && in.getBody() instanceof Map<?, ?> parsed) {
                parsed.forEach((name, value) -> form.put(String.valueOf(name),
                        value instanceof List<?> list ? (list.isEmpty() ? "" : String.valueOf(list.get(0))) : String.valueOf(value)));
            } else if (method.equals("POST")) {
                String body = in.getBody(String.class);
                form.putAll(SubscriptionPages.formFields(body == null || body.length() <= 32 * 1024 ? body
                        : body.substring(0, 32 * 1024)));
            }
            return new WebRequest(method, SubscriptionPages.formFields(in.getHeader(Exchange.HTTP_QUERY, "", String.class)),
                    form);
        }

        /** A query parameter, or the same field of a posted form. */
        String param(String name) {
            return query.getOrDefault(name, form.get(name));
        }
    }
}
