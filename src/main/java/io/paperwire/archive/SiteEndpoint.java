package io.paperwire.archive;

import io.paperwire.render.PageChrome;
import io.paperwire.render.TemplateEngine;
import io.paperwire.settings.PaperwireSettings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The published archive as {@code serve} answers it at {@code /}, bound as {@code site} and called by
 * {@code routes/serve/site.camel.yaml}: files of {@code <out-dir>/site} (resolved by {@link SiteFiles}) with
 * {@code ETag}, {@code Last-Modified} and {@code Cache-Control}, {@code 304} on revalidation, and the styled
 * {@code templates/site/not-found.ftlh} for anything else.
 */
public final class SiteEndpoint {

    /** The 404 page, rendered per request with links to the site's base URL (it answers at any depth). */
    public static final String NOT_FOUND = "site/not-found.ftlh";

    private final Path siteDir;
    private final TemplateEngine templates;
    private final PageChrome chrome;

    public SiteEndpoint(Path siteDir, TemplateEngine templates, PaperwireSettings settings) {
        this.siteDir = siteDir;
        this.templates = templates;
        this.chrome = new PageChrome(settings, siteDir);
    }

    /** Answers a {@code GET} or {@code HEAD} of the archive. */
    public void answer(Exchange exchange) {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, "GET", String.class).toUpperCase(Locale.ROOT);
        String ifNoneMatch = message.getHeader("If-None-Match", String.class);
        String ifModifiedSince = message.getHeader("If-Modified-Since", String.class);
        String rawPath = rawPath(message.getHeader(Exchange.HTTP_URI, "/", String.class));
        // Request headers arrive as message headers; none of them may echo into the reply.
        message.removeHeaders("*");
        message.setHeader("X-Content-Type-Options", "nosniff");
        Optional<SiteFiles.Found> found = SiteFiles.find(siteDir, rawPath);
        if (found.isEmpty()) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
            message.setHeader("Cache-Control", SiteFiles.REVALIDATE);
            message.setBody(method.equals("HEAD") ? null : notFoundPage());
            return;
        }
        SiteFiles.Found file = found.get();
        message.setHeader("ETag", file.etag());
        message.setHeader("Last-Modified", file.lastModifiedHeader());
        message.setHeader("Cache-Control", file.cacheControl());
        if (file.notModified(ifNoneMatch, ifModifiedSince)) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            message.setBody(null);
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, file.contentType());
        if (method.equals("HEAD")) {
            message.setHeader(Exchange.CONTENT_LENGTH, file.size());
            message.setBody(null);
            return;
        }
        try {
            message.setBody(Files.readAllBytes(file.file()));
        } catch (IOException replacedMeanwhile) {
            // A publish swapped the folder between finding and reading the file: it is gone, as for the next request.
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
            message.removeHeaders("ETag|Last-Modified");
            message.setHeader("Cache-Control", SiteFiles.REVALIDATE);
            message.setBody(notFoundPage());
        }
    }

    /** The path of a request URI as sent (still percent-encoded), without its query. */
    static String rawPath(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        int fragment = path.indexOf('#');
        return fragment < 0 ? path : path.substring(0, fragment);
    }

    private byte[] notFoundPage() {
        return templates.render(NOT_FOUND, chrome.model(Map.of())).getBytes(StandardCharsets.UTF_8);
    }
}
