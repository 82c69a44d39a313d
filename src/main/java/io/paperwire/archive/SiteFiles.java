package io.paperwire.archive;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a published site folder as a web server hands them out, shared by {@code serve}'s archive
 * ({@link SiteEndpoint}) and the editor's preview server ({@link StaticSiteServer}): safe resolution of a request
 * path, content types, validators ({@code ETag}, {@code Last-Modified}) and how long a browser may keep a file.
 *
 * <p>Nothing outside the folder is reachable: a path with a {@code .}-segment (so {@code ..}, also encoded), an
 * encoded slash or a backslash, or one whose real path (symlinks followed) leaves the folder's real path resolves
 * to nothing. The folder is looked up afresh on every request, so a site swapped in by a publish is served at once.
 */
public final class SiteFiles {

    /** Pages whose content changes when an issue is published: kept by browsers, but revalidated on every use. */
    static final String REVALIDATE = "no-cache";
    /** Issue pages and the static assets: only their neighbour links or an editor's style change, so an hour. */
    static final String KEEP_AN_HOUR = "public, max-age=3600";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"));
    private static final Map<String, String> TYPES_BY_NAME = Map.of(
            "feed.xml", "application/atom+xml; charset=utf-8", "feed.json", "application/feed+json; charset=utf-8");

    /** HTTP's IMF-fixdate ({@code Tue, 04 Jun 2024 07:00:00 GMT}): RFC_1123_DATE_TIME would write a 1-digit day. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    private SiteFiles() {
    }

    /** A file found in the site: where it is and what a response about it says. */
    public record Found(Path file, String contentType, long size, Instant lastModified, String etag,
                        String cacheControl) {

        /** {@code Last-Modified} as HTTP writes it. */
        public String lastModifiedHeader() {
            return HTTP_DATE.format(lastModified.atZone(ZoneOffset.UTC));
        }

        /**
         * Whether a conditional GET may be answered {@code 304}: {@code If-None-Match} naming this file's ETag (it
         * wins when present), else {@code If-Modified-Since} not before the file's modification (whole seconds).
         */
        public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
            if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
                return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
            }
            if (ifModifiedSince != null && !ifModifiedSince.isBlank()) {
                try {
                    Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return !lastModified.isAfter(since);
                } catch (DateTimeParseException unreadable) {
                    return false;
                }
            }
            return false;
        }
    }

    /**
     * The file a request path names in {@code root}, or empty when there is none or the path tries to leave it.
     *
     * @param root    the site folder
     * @param rawPath the request's path as sent, still percent-encoded, without the query; {@code /} and paths
     *                ending in {@code /} name the folder's {@code index.html}
     */
    public static Optional<Found> find(Path root, String rawPath) {
        Optional<String> relative = relativePath(rawPath);
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path file = realRoot.resolve(relative.get()).toRealPath();
            if (!file.startsWith(realRoot)) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
            String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                    + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
            return Optional.of(new Found(file, contentType(file.getFileName().toString()), attributes.size(), modified,
                    etag, cacheControl(relative.get())));
        } catch (IOException | SecurityException missingOrUnreadable) {
            return Optional.empty();
        }
    }

    /**
     * The site-relative file a request path names ({@code index.html} for a folder), or empty when a segment is
     * {@code .}-prefixed, empty, badly encoded, or decodes to a slash, backslash or control character.
     */
    static Optional<String> relativePath(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String path = rawPath.substring(1);
        if (path.isEmpty() || path.endsWith("/")) {
            path = path + "index.html";
        }
        StringBuilder relative = new StringBuilder();
        for (String raw : path.split("/", -1)) {
            String segment;
            try {
                // '+' is a plus in a path, not a space as in a form.
                segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
            if (segment.isEmpty() || segment.startsWith(".") || segment.chars().anyMatch(c -> c == '/' || c == '\\'
                    || c == ':' || Character.isISOControl(c))) {
                return Optional.empty();
            }
            relative.append(relative.isEmpty() ? "" : "/").append(segment);
        }
        return Optional.of(relative.toString());
    }

    /** The {@code Content-Type} of a site file, by name: the feeds by their own types, the rest by extension. */
    public static String contentType(String fileName) {
        String byName = TYPES_BY_NAME.get(fileName);
        if (byName != null) {
            return byName;
        }
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /**
     * The {@code Cache-Control} of a site file: issue pages and assets may be kept an hour; what a publish changes
     * (index pages, topics, search page and index, feeds, sitemap) is revalidated on every use, cheaply with a 304.
     */
    static String cacheControl(String relativePath) {
        boolean searchIndex = relativePath.equals("assets/search-index.js");
        return !searchIndex && (relativePath.startsWith("issues/") || relativePath.startsWith("assets/"))
                ? KEEP_AN_HOUR : REVALIDATE;
    }
}
