package io.paperwire;

import io.paperwire.settings.PaperwireSettings;
import io.paperwire.source.PaperStore;
import io.paperwire.store.Database;
import io.paperwire.testing.CommandResult;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's first command: the bundled sample week, offline, on the embedded defaults. */
class SampleRunIT {

    @TempDir
    Path home;

    private List<Path> outbox() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }

    @Test
    void theSampleWeekBecomesACompleteIssueOffline() throws Exception {
        CommandResult result = paperwire("--home", home.toString(), "run", "--sample");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path site = home.resolve("out/site");
        assertThat(site.resolve("index.html")).isRegularFile();
        assertThat(site.resolve("feed.xml")).isRegularFile();
        Document issue = Jsoup.parse(site.resolve("issues/2024-W21.html").toFile(), "UTF-8");
        assertThat(issue.select("section")).hasSize(2);
        assertThat(issue.select("article.paper")).hasSize(20);
        assertThat(issue.select("article.paper h3 a:not(.anchor)")).allSatisfy(link ->
                assertThat(link.attr("href")).matches("https://arxiv\\.org/abs/2405\\.\\d{5}"));
        assertThat(issue.select("article.paper .meta")).allSatisfy(meta -> assertThat(meta.text()).isNotBlank());
        assertThat(issue.select("article.paper .tldr")).hasSize(20);

        try (Database database = Database.open(PaperwireSettings.load(home, Map.of(), Map.of()).db(), home.resolve("data"))) {
            assertThat(new PaperStore(database).count()).as("every paper of the week is stored").isEqualTo(60);
        }

        List<Path> messages = outbox();
        assertThat(messages).hasSize(1);
        MimeMessage message = Eml.read(messages.get(0));
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("demo-reader@paperwire.example");
        assertThat(Eml.part(message, "text/html")).contains(issue.select("article.paper h3 a:not(.anchor)").first().attr("href"));
    }

    @Test
    void runningTheSampleTwiceGivesOneIssueAndOneEmailPerSubscriber() throws Exception {
        assertThat(paperwire("--home", home.toString(), "subscribers", "add", "reader@example.org").exitCode()).isZero();
        assertThat(paperwire("--home", home.toString(), "run", "--sample").exitCode()).isZero();

        CommandResult second = paperwire("--home", home.toString(), "run", "--sample");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("0 sent, 1 already had it");
        assertThat(outbox()).hasSize(1);
        try (Stream<Path> issues = Files.list(home.resolve("out/site/issues"))) {
            assertThat(issues).hasSize(1);
        }
        Document index = Jsoup.parse(home.resolve("out/site/index.html").toFile(), "UTF-8");
        assertThat(index.select("a[href^=issues/]")).hasSize(1);
    }

    @Test
    void forceMakesASecondEditionOnPurpose() throws Exception {
        assertThat(paperwire("--home", home.toString(), "run", "--sample").exitCode()).isZero();

        CommandResult forced = paperwire("--home", home.toString(), "run", "--sample", "--force");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(home.resolve("out/site/issues/2024-W21-2.html")).isRegularFile();
        assertThat(home.resolve("out/site/issues/2024-W21.html")).isRegularFile();
        assertThat(outbox()).hasSize(2);
    }

    @Test
    void badSettingsStopBeforeAnythingRunsAndNameTheKey() {
        CommandResult result = paperwire("--home", home.toString(), "--set", "paperwire.smtp.port=seven", "run", "--sample");

        assertThat(result.exitCode()).isEqualTo(Paperwire.EXIT_USAGE);
        assertThat(result.err()).contains("paperwire.smtp.port = 'seven'");
        assertThat(home.resolve("out")).doesNotExist();
    }

    @Test
    void badSubscriptionSettingsAreNamedTogether() {
        CommandResult result = paperwire("--home", home.toString(), "--set", "paperwire.subscribe.confirm-hours=0",
                "--set", "paperwire.subscribe.per-ip-per-hour=many", "run", "--sample");

        assertThat(result.exitCode()).isEqualTo(Paperwire.EXIT_USAGE);
        assertThat(result.err()).contains("paperwire.subscribe.confirm-hours = '0'")
                .contains("paperwire.subscribe.per-ip-per-hour = 'many'");
        assertThat(home.resolve("out")).doesNotExist();
    }

    @Test
    void aBadWeekIsAUsageError() {
        CommandResult result = paperwire("--home", home.toString(), "run", "--week", "2024-21");

        assertThat(result.exitCode()).isEqualTo(Paperwire.EXIT_USAGE);
        assertThat(result.err()).contains("--week").contains("2024-W21");
    }
}
