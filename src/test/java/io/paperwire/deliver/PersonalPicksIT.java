package io.paperwire.deliver;

import io.paperwire.testing.CommandResult;
import io.paperwire.testing.Eml;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1 of issue 18: three subscribers with different topics, set with {@code subscribers set}, get the same
 * weekly issue (the sample week) and different "For you" sections, each pick matching that reader's topics or
 * follows, and a reader's muted keyword appears nowhere in their section.
 */
class PersonalPicksIT {

    @TempDir
    static Path home;

    static final Map<String, String> TEXT = new HashMap<>();
    static final Map<String, String> HTML = new HashMap<>();

    static CommandResult paperwireIn(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        CommandResult result = paperwire(all);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @BeforeAll
    static void threeReadersGetTheSampleWeek() throws Exception {
        for (String reader : List.of("ana", "ben", "cleo")) {
            paperwireIn("subscribers", "add", reader + "@example.org");
        }
        paperwireIn("subscribers", "set", "ana@example.org", "--topics", "cs.CV", "--follow", "diffusion",
                "--mute", "benchmark");
        paperwireIn("subscribers", "set", "ben@example.org", "--topics", "cs.CL", "--follow", "language model",
                "--picks", "5", "--mute", "multilingual");
        paperwireIn("subscribers", "set", "cleo@example.org", "--topics", "cs.RO,eess.AS", "--format", "short");
        paperwireIn("run", "--sample");
        try (Stream<Path> files = Files.list(home.resolve("out/outbox"))) {
            for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                MimeMessage message = Eml.read(eml);
                String to = message.getHeader("To", null);
                TEXT.put(to, Eml.part(message, "text/plain"));
                HTML.put(to, Eml.part(message, "text/html"));
            }
        }
    }

    static String forYou(String text) {
        int start = text.indexOf("FOR YOU");
        return start < 0 ? "" : text.substring(start, text.indexOf("Picked for you", start));
    }

    /** The email without its personal parts: the For-you section and the readers' own tokens. */
    static String shared(String text) {
        String section = forYou(text);
        return text.replace(section, "").replaceAll("token=[A-Za-z0-9._/-]+", "token=…");
    }

    @Test
    void theThreeReadersGetTheSameIssueAndDifferentForYouSections() {
        assertThat(TEXT).containsOnlyKeys("ana@example.org", "ben@example.org", "cleo@example.org");
        assertThat(shared(TEXT.get("ana@example.org"))).isEqualTo(shared(TEXT.get("ben@example.org")));
        List<String> sections = TEXT.values().stream().map(PersonalPicksIT::forYou).toList();
        assertThat(sections).allSatisfy(s -> assertThat(s).contains("* ")).doesNotHaveDuplicates();
        assertThat(Jsoup.parse(HTML.get("ana@example.org")).select("h2").eachText()).first().isEqualTo("For you");
    }

    @Test
    void eachPickMatchesThatReadersTopicsOrFollows() {
        Map<String, List<String>> allowed = Map.of(
                "ana@example.org", List.of("topic: Computer Vision", "follows: diffusion"),
                "ben@example.org", List.of("topic: Computation and Language", "follows: language model"),
                "cleo@example.org", List.of("topic: Robotics", "topic: Audio and Speech Processing"));
        allowed.forEach((reader, reasons) -> {
            List<String> picks = forYou(TEXT.get(reader)).lines().filter(l -> l.startsWith("  ") && l.endsWith(")")
                    && l.contains(" (")).toList();
            assertThat(picks).as(reader).isNotEmpty();
            for (String pick : picks) {
                assertThat(reasons.stream().anyMatch(pick::contains)).as(reader + ": " + pick).isTrue();
            }
        });
        assertThat(forYou(TEXT.get("ben@example.org")).lines().filter(l -> l.startsWith("* ")).count()).isEqualTo(5);
    }

    @Test
    void aMutedKeywordNeverAppearsInThatReadersSection() {
        assertThat(forYou(TEXT.get("ana@example.org"))).doesNotContainIgnoringCase("benchmark");
        assertThat(forYou(TEXT.get("ben@example.org"))).doesNotContainIgnoringCase("multilingual");
        String anaHtml = HTML.get("ana@example.org");
        String anaSection = anaHtml.substring(anaHtml.indexOf(">For you<"), anaHtml.indexOf("Picked for you"));
        assertThat(Jsoup.parse(anaSection).text()).doesNotContainIgnoringCase("benchmark");
    }

    @Test
    void papersOfTheIssueAreNotRepeatedInForYou() {
        String text = TEXT.get("ben@example.org");
        String issuePart = shared(text);
        Pattern abs = Pattern.compile("https://arxiv.org/abs/([0-9.]+)");
        var picked = abs.matcher(forYou(text)).results().map(m -> m.group(1)).toList();
        assertThat(picked).isNotEmpty().allSatisfy(id -> assertThat(issuePart).doesNotContain(id));
    }

    @Test
    void theShortFormatReaderGetsTheTldrsOnly() {
        String cleo = TEXT.get("cleo@example.org");
        assertThat(cleo).doesNotContain("Why it matters:").doesNotContain("Critique:");
        assertThat(TEXT.get("ana@example.org")).contains("TL;DR:");
        assertThat(cleo.length()).isLessThan(TEXT.get("ana@example.org").length() * 2 / 3);
    }

    @Test
    void everyEmailLinksToItsReadersPreferencesPage() {
        TEXT.forEach((reader, text) -> assertThat(text).as(reader)
                .containsPattern("Your preferences \\(.*\\): https?://\\S+/preferences\\?token=p\\d+\\.[A-Za-z0-9_-]{22}"));
        assertThat(HTML.get("ana@example.org")).containsPattern("href=\"[^\"]+/preferences\\?token=p\\d+\\.");
        assertThat(HTML.get("ana@example.org")).contains(">More like this</a>").contains(">Less like this</a>");
    }
}
