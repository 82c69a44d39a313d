package io.paperwire.source;

import io.paperwire.paper.RunRequest;
import io.paperwire.settings.PaperwireSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveSourcesTest {

    @TempDir
    Path home;

    private LiveSources sources(Map<String, String> overrides) {
        return new LiveSources(PaperwireSettings.load(home, Map.of(), overrides));
    }

    @Test
    void byDefaultCollectsTheApiWindowAndBothHuggingFaceViews() {
        assertThat(sources(Map.of()).forRequest(RunRequest.of(SourceKit.WEEK))).extracting(PaperSource::name)
                .containsExactly("arXiv API", "Hugging Face", "Hugging Face trending");
    }

    @Test
    void rssModeCollectsTheAnnouncementsInsteadOfTheApi() {
        assertThat(sources(Map.of("paperwire.arxiv.mode", "rss", "paperwire.hf.trending", "false"))
                .forRequest(RunRequest.of(SourceKit.WEEK))).extracting(PaperSource::name)
                .containsExactly("arXiv RSS", "Hugging Face");
    }

    @Test
    void theSampleWeekReadsTheBundledFilesThroughTheSameParsers() {
        var request = new RunRequest(SourceKit.WEEK, true, false, false, true);

        var candidates = new SourceStage(sources(Map.of())).collect(request);

        assertThat(candidates.report().papersPerSource()).containsOnlyKeys("arXiv API", "Hugging Face");
        assertThat(candidates.papers()).isNotEmpty();
        assertThat(candidates.report().problems()).isEmpty();
        assertThat(home.resolve("data").resolve(LiveSources.CACHE_FOLDER)).doesNotExist();
    }
}
