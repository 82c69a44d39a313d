package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.testing.CommandResult;
import io.paperwire.testing.SampleRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/** The editor's side of the CLI: broken templates, {@code preview} and {@code archive rebuild}, on the sample week. */
class EditorCommandsIT {

    @TempDir
    Path home;

    private void startFromThePublishedSampleWeek() {
        SampleRun.copyTo(home);
    }

    private void template(String name, String text) throws Exception {
        Path file = home.resolve("templates").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private boolean nothingPublishedOrSent() throws Exception {
        Path outbox = home.resolve("out/outbox");
        boolean mailed = false;
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> files = Files.list(outbox)) {
                mailed = files.findAny().isPresent();
            }
        }
        return !mailed && !Files.exists(home.resolve("out/site"));
    }

    @Test
    void aTemplateSyntaxErrorStopsTheRunAtStartWithFileLineAndColumn() throws Exception {
        template("email/issue.html.ftlh", "<html>\n<body>\n  <h1>${issue.title</h1>\n</body></html>\n");

        CommandResult result = paperwire("--home", home.toString(), "run", "--sample");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(result.err()).containsPattern("email/issue\\.html\\.ftlh:3:\\d+");
        assertThat(nothingPublishedOrSent()).isTrue();
    }

    @Test
    void aMissingVariableStopsTheRunBeforeAnythingIsSentNamingTheExpression() throws Exception {
        template("site/tag.ftlh", "<#-- a typo -->\n<h1>${tag.nmae}</h1>\n");

        CommandResult result = paperwire("--home", home.toString(), "run", "--sample");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(result.err()).contains("site/tag.ftlh:2:").contains("tag.nmae");
        assertThat(nothingPublishedOrSent()).isTrue();
    }

    @Test
    void previewRendersEmailAndSiteWithSelectionReasonsAndPublishesNothing() throws Exception {
        CommandResult result = paperwire("--home", home.toString(), "preview", "--sample");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("why: rank 1;").contains("Preview of 2024-W21");
        Path preview = home.resolve("out/preview");
        assertThat(preview.resolve("2024-W21.html")).exists();
        assertThat(preview.resolve("2024-W21.txt")).exists();
        assertThat(preview.resolve("site/issues/2024-W21.html")).exists();
        // No subscriber fills the email's placeholders in a preview: none shows, the unsubscribe link is a stand-in.
        for (String part : new String[] {"2024-W21.html", "2024-W21.txt"}) {
            assertThat(Files.readString(preview.resolve(part))).as(part).doesNotContain("%%")
                    .contains("/unsubscribe?token=preview").contains("/preferences?token=preview");
        }
        Document overview = Jsoup.parse(preview.resolve("index.html").toFile(), "UTF-8");
        assertThat(overview.select("ol.papers li")).hasSize(20);
        assertThat(overview.select("ol.papers li .meta").first().text()).contains("rank 1");
        assertThat(nothingPublishedOrSent()).isTrue();
    }

    @Test
    void previewOfAStoredWeekUsesTheCurrentTemplates() throws Exception {
        startFromThePublishedSampleWeek();
        template("email/issue.txt.ftl", "Edited: ${issue.title}\n");

        CommandResult result = paperwire("--home", home.toString(), "preview", "--week", "2024-W21");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(home.resolve("out/preview/2024-W21.txt"))).isEqualTo("Edited: Paperwire 2024-W21\n");
        assertThat(paperwire("--home", home.toString(), "preview", "--week", "2023-W01").err())
                .contains("no issue of 2023-W01 is stored");
    }

    @Test
    void archiveRebuildRegeneratesEveryIssueFromTheDatabaseWithTheCurrentTemplates() throws Exception {
        startFromThePublishedSampleWeek();
        assertThat(paperwire("--home", home.toString(), "run", "--sample", "--force", "--no-send").exitCode()).isZero();
        Path site = home.resolve("out/site");
        Files.delete(site.resolve("issues/2024-W21.html"));
        template("site/assets/style.css", "body { background: papayawhip; }");

        CommandResult result = paperwire("--home", home.toString(), "archive", "rebuild");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Archive rebuilt: 2 issues");
        assertThat(site.resolve("issues/2024-W21.html")).exists();
        assertThat(site.resolve("issues/2024-W21-2.html")).exists();
        assertThat(Files.readString(site.resolve("assets/style.css"))).contains("papayawhip");
    }

    @Test
    void archiveRebuildWithABrokenTemplateLeavesThePublishedSiteAlone() throws Exception {
        startFromThePublishedSampleWeek();
        byte[] before = Files.readAllBytes(home.resolve("out/site/index.html"));
        template("site/index.ftlh", "<#if>");

        CommandResult result = paperwire("--home", home.toString(), "archive", "rebuild");

        assertThat(result.exitCode()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(result.err()).contains("site/index.ftlh:1:");
        assertThat(Files.readAllBytes(home.resolve("out/site/index.html"))).isEqualTo(before);
    }
}
