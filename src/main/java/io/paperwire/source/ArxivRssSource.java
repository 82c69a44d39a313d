package io.paperwire.source;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Week;
import io.paperwire.settings.PaperwireSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The week's arXiv papers from the daily announcements. The RSS feed ({@code rss.arxiv.org/rss/<cats>}) only ever
 * shows the current announcement day, so each fetch is stored per announcement day under
 * {@code <data-dir>/arxiv-announcements/<date>/} and the week is assembled from its stored listing days
 * ({@link Week#listingDays()}, Monday to Friday; the feed and the listing pages name the listing day): run it every
 * announcement day (a daily schedule), then the weekly run finds all of them. When the feed fails, or is empty on a
 * weekday, the listing pages ({@code arxiv.org/list/<cat>/new}) are read instead. Only the configured announce types
 * are kept (default new and cross); the others are counted as dropped.
 */
public final class ArxivRssSource implements PaperSource {

    public static final String NAME = "arXiv RSS";
    public static final String LISTING = "arXiv listing";
    /** Where announcement days are stored, under {@code paperwire.data-dir}. */
    public static final String ARCHIVE_FOLDER = "arxiv-announcements";
    /** arXiv announces in US Eastern time; the feed's day is that day. */
    static final ZoneId ARXIV_ZONE = Week.ARXIV_ZONE;
    private static final String RSS_FILE = "rss.xml";
    private static final Logger LOG = LoggerFactory.getLogger(ArxivRssSource.class);

    private final HttpFetcher fetcher;
    private final PaperwireSettings.Arxiv settings;
    private final Set<String> announceTypes;
    private final Path archive;
    private final Clock clock;
    private final ArxivRssParser rssParser = new ArxivRssParser();
    private final ArxivListingParser listingParser = new ArxivListingParser();

    public ArxivRssSource(HttpFetcher fetcher, PaperwireSettings.Arxiv settings, Set<String> announceTypes,
                          Path archive, Clock clock) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.announceTypes = Set.copyOf(announceTypes);
        this.archive = archive;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * What one capture of the current announcement day found: the day stored (if any), its announcements, and the
     * problems met on the way.
     */
    public record Capture(LocalDate today, int announcements, List<String> problems, List<SourceException> failures,
                          int requests) {}

    /**
     * Stores the current announcement day: the feed, or the listing pages when the feed fails or is empty on a
     * weekday. RSS mode needs this on every announcement day (serve's daily schedule, or {@code paperwire collect}).
     */
    public Capture capture() {
        List<String> problems = new ArrayList<>();
        List<SourceException> failures = new ArrayList<>();
        int requests = 0;
        int announcements = 0;
        LocalDate today = LocalDate.now(clock.withZone(ARXIV_ZONE));
        boolean needListing;
        try {
            requests++;
            AnnouncementDay day = captureRss();
            announcements = day.items().size();
            needListing = day.items().isEmpty() && isAnnouncementDay(today);
            if (needListing) {
                problems.add(NAME + ": the feed is empty on " + today + ", an announcement day; reading the listing pages ("
                        + rssUri() + ")");
            }
        } catch (SourceException e) {
            failures.add(e);
            problems.add(e.getMessage() + "; reading the listing pages instead");
            needListing = true;
        }
        if (needListing) {
            for (String category : settings.categories()) {
                try {
                    requests++;
                    announcements += captureListing(category, today);
                } catch (SourceException e) {
                    failures.add(e);
                    problems.add(e.getMessage());
                }
            }
        }
        return new Capture(today, announcements, List.copyOf(problems), List.copyOf(failures), requests);
    }

    @Override
    public SourceResult fetch(Week week) {
        Capture capture = capture();
        List<String> problems = new ArrayList<>(capture.problems());
        List<SourceException> failures = capture.failures();
        int requests = capture.requests();
        List<LocalDate> stored = storedDays(week);
        if (stored.isEmpty() && !failures.isEmpty()) {
            throw failures.get(0);
        }
        Map<ArxivId, Paper> papers = new LinkedHashMap<>();
        Map<String, Integer> dropped = new TreeMap<>();
        for (LocalDate date : stored) {
            for (AnnouncementDay day : readDay(date, problems)) {
                day.problems().forEach(p -> problems.add(NAME + " " + date + ": " + p));
                for (AnnouncementDay.Announcement item : day.items()) {
                    if (!announceTypes.contains(item.type())) {
                        dropped.merge("announce type " + item.type(), 1, Integer::sum);
                        continue;
                    }
                    Paper known = papers.get(item.paper().id());
                    papers.put(item.paper().id(), known == null ? item.paper() : PaperMerger.combine(known, item.paper()));
                }
            }
        }
        return new SourceResult(NAME, List.copyOf(papers.values()), problems, dropped, requests);
    }

    static boolean isAnnouncementDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    URI rssUri() {
        return URI.create(settings.rssUrl() + "/" + String.join("+", settings.categories()));
    }

    URI listingUri(String category) {
        return URI.create(settings.listingUrl() + "/" + category + "/new");
    }

    private AnnouncementDay captureRss() {
        URI uri = rssUri();
        byte[] body = get(NAME, uri);
        AnnouncementDay day;
        try {
            day = rssParser.parse(body);
        } catch (MalformedResponseException e) {
            fetcher.reject(uri);
            throw new SourceException(NAME, uri, e.getMessage(), e);
        }
        if (!day.items().isEmpty()) {
            if (day.date() == null) {
                throw new SourceException(NAME, uri, "the feed names no announcement day (channel <pubDate>)");
            }
            store(day.date(), RSS_FILE, body);
        }
        return day;
    }

    /** @return the announcements stored */
    private int captureListing(String category, LocalDate today) {
        URI uri = listingUri(category);
        byte[] body = get(LISTING, uri);
        AnnouncementDay day;
        try {
            day = listingParser.parse(body, uri.toString(), today);
        } catch (MalformedResponseException e) {
            fetcher.reject(uri);
            throw new SourceException(LISTING, uri, e.getMessage(), e);
        }
        if (!day.items().isEmpty()) {
            store(day.date() != null ? day.date() : today, "listing-" + category + ".html", body);
        }
        return day.items().size();
    }

    private byte[] get(String source, URI uri) {
        HttpFetcher.Response response = fetcher.get(source, uri);
        if (!response.isSuccess()) {
            throw new SourceException(source, uri, "HTTP " + response.status());
        }
        return response.body();
    }

    private void store(LocalDate date, String file, byte[] body) {
        try {
            Path folder = archive.resolve(date.toString());
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, file, ".tmp");
            Files.write(tmp, body);
            Files.move(tmp, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the announcements of " + date + " in " + archive, e);
        }
    }

    /** The week's listing days that were stored: the feed and the listing pages name the listing day. */
    private List<LocalDate> storedDays(Week week) {
        return week.listingDays().stream().filter(d -> Files.isDirectory(archive.resolve(d.toString()))).toList();
    }

    /** The RSS capture of a day when there is one, otherwise its listing pages. */
    private List<AnnouncementDay> readDay(LocalDate date, List<String> problems) {
        Path folder = archive.resolve(date.toString());
        try {
            if (Files.isRegularFile(folder.resolve(RSS_FILE))) {
                return List.of(rssParser.parse(Files.readAllBytes(folder.resolve(RSS_FILE))));
            }
            List<AnnouncementDay> days = new ArrayList<>();
            Set<Path> listings = new LinkedHashSet<>();
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().startsWith("listing-")).sorted().forEach(listings::add);
            }
            for (Path listing : listings) {
                days.add(listingParser.parse(Files.readAllBytes(listing), settings.listingUrl().toString(), date));
            }
            return days;
        } catch (IOException | MalformedResponseException e) {
            LOG.warn("{}: stored announcements of {} unreadable: {}", NAME, date, e.toString());
            problems.add(NAME + ": stored announcements of " + date + " in " + folder + " unreadable: " + e.getMessage());
            return List.of();
        }
    }
}
