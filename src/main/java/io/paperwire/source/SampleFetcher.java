package io.paperwire.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers the requests of the live sources from the bundled sample week ({@code src/main/resources/sample/}),
 * so that {@code --sample} exercises the same requests and parsers offline.
 *
 * <p>An arXiv API request is answered by {@code sample/arxiv/api-start-<start>.atom.xml}; a Hugging Face request by
 * {@code sample/hf/daily-papers-<date>.json}, or {@code []} for a day without a file.
 */
public final class SampleFetcher implements HttpFetcher {

    @Override
    public Response get(String source, URI uri, Map<String, String> requestHeaders) {
        Map<String, String> query = query(uri);
        if (query.containsKey("search_query")) {
            String resource = "sample/arxiv/api-start-" + query.getOrDefault("start", "0") + ".atom.xml";
            byte[] body = read(resource);
            if (body == null) {
                return new Response(uri, 404, "text/plain", ("no sample file " + resource).getBytes(StandardCharsets.UTF_8));
            }
            return new Response(uri, 200, "application/atom+xml; charset=utf-8", body);
        }
        if (query.containsKey("date")) {
            byte[] body = read("sample/hf/daily-papers-" + query.get("date") + ".json");
            return new Response(uri, 200, "application/json; charset=utf-8",
                    body == null ? "[]".getBytes(StandardCharsets.UTF_8) : body);
        }
        throw new SourceException(source, uri, "the sample week has no answer for this request");
    }

    private static byte[] read(String resource) {
        try (InputStream in = SampleFetcher.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + resource, e);
        }
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> result = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }
}
