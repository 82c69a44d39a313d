package io.paperwire.source;

import io.paperwire.common.Pacer;
import io.paperwire.paper.RunRequest;
import io.paperwire.settings.PaperwireSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the sources of a run from the settings. Live sources share one HTTP client per service and one
 * {@link Pacer} per service for the life of the process, so arXiv sees one request at a time, paced, across runs;
 * answers are cached under {@code <data-dir>/http-cache}. {@code --sample} runs read the bundled sample week instead.
 */
public final class LiveSources implements SourceStage.Sources {

    /** Where answers are cached, under {@code paperwire.data-dir}. */
    public static final String CACHE_FOLDER = "http-cache";

    private final PaperwireSettings settings;
    private final SourceSettings sourceSettings;
    private final HttpFetcher arxivFetcher;
    private final HttpFetcher huggingFaceFetcher;
    private final Path rssArchive;

    public LiveSources(PaperwireSettings settings) {
        this(settings, SourceSettings.from(settings), Clock.systemUTC());
    }

    public LiveSources(PaperwireSettings settings, SourceSettings sourceSettings, Clock clock) {
        this.settings = settings;
        this.sourceSettings = sourceSettings;
        HostAllowList allowList = HostAllowList.of(sourceSettings.allowedHosts(), List.of(
                settings.arxiv().apiUrl(), settings.arxiv().rssUrl(), settings.arxiv().listingUrl(), settings.hf().apiUrl()));
        Path cache = settings.dataDir().resolve(CACHE_FOLDER);
        this.arxivFetcher = chain(allowList, new Pacer(settings.arxiv().delay()), cache, clock);
        this.huggingFaceFetcher = chain(allowList, new Pacer(sourceSettings.hfDelay()), cache, clock);
        this.rssArchive = settings.dataDir().resolve(ArxivRssSource.ARCHIVE_FOLDER);
    }

    private HttpFetcher chain(HostAllowList allowList, Pacer pacer, Path cache, Clock clock) {
        HttpFetcher live = new JdkHttpFetcher(settings.http().userAgent(), settings.http().timeout(),
                sourceSettings.maxBodyBytes(), allowList);
        HttpFetcher polite = new PoliteFetcher(live, pacer, sourceSettings.retry());
        return new CachingFetcher(polite, cache, sourceSettings.cacheMaxAge(), clock);
    }

    @Override
    public List<PaperSource> forRequest(RunRequest request) {
        if (request.sample()) {
            SampleFetcher sample = new SampleFetcher();
            return List.of(new ArxivApiSource(sample, settings.arxiv(), 0),
                    HuggingFaceSource.daily(sample, settings.hf(), sourceSettings.hfPageSize()));
        }
        List<PaperSource> sources = new ArrayList<>();
        sources.add(announcementFeed().<PaperSource>map(feed -> feed)
                .orElseGet(() -> new ArxivApiSource(arxivFetcher, settings.arxiv(), sourceSettings.pageRetries())));
        sources.add(HuggingFaceSource.daily(huggingFaceFetcher, settings.hf(), sourceSettings.hfPageSize()));
        if (sourceSettings.hfTrending()) {
            sources.add(HuggingFaceSource.trending(huggingFaceFetcher, settings.hf(), sourceSettings.hfPageSize()));
        }
        return sources;
    }

    /** The daily announcement feed in RSS mode, sharing the arXiv client and pacing; empty in API mode. */
    public java.util.Optional<ArxivRssSource> announcementFeed() {
        return sourceSettings.mode() == SourceSettings.Mode.RSS
                ? java.util.Optional.of(new ArxivRssSource(arxivFetcher, settings.arxiv(), sourceSettings.announceTypes(),
                rssArchive, Clock.systemUTC()))
                : java.util.Optional.empty();
    }
}
