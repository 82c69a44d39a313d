package io.paperwire.cli;

import io.paperwire.Paperwire;
import io.paperwire.testing.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.paperwire.testing.CommandResult.paperwire;
import static org.assertj.core.api.Assertions.assertThat;

class SubscribersCommandTest {

    @TempDir
    Path home;

    CommandResult subscribers(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--home";
        all[1] = home.toString();
        all[2] = "subscribers";
        System.arraycopy(args, 0, all, 3, args.length);
        return paperwire(all);
    }

    @Test
    void importReportsEachBadRowByLineNumberAndImportsTheGoodOnes() throws Exception {
        Path csv = home.resolve("list.csv");
        Files.writeString(csv, """
                name,email
                Ada,Ada@Example.org
                Bob,not-an-address
                Grace,grace@example.org

                Mallory,"mallory@example.org\r\nBcc: everyone@example.org"
                Eve,
                Ada again,ada@example.org
                """);

        CommandResult result = subscribers("import", csv.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(result.out()).contains("Imported 2, 0 already subscribed");
        assertThat(result.err()).contains("list.csv: line 3: 'not-an-address' is not a valid email address")
                .contains("list.csv: line 6: ").contains("control characters")
                .contains("list.csv: line 8: no email address")
                .contains("list.csv: line 9: ada@example.org appears earlier in the file");
        assertThat(subscribers("list").out()).contains("ada@example.org\tactive").contains("grace@example.org\tactive")
                .doesNotContain("mallory");
    }

    @Test
    void anImportDoesNotBringBackSomeoneWhoUnsubscribed() throws Exception {
        subscribers("add", "ada@example.org");
        subscribers("remove", "ada@example.org");
        Path csv = home.resolve("again.csv");
        Files.writeString(csv, "ada@example.org\nbob@example.org\n");

        CommandResult result = subscribers("import", csv.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("line 1: ada@example.org is unsubscribed; an import does not subscribe it again");
        assertThat(subscribers("list").out()).contains("ada@example.org\tunsubscribed").contains("bob@example.org\tactive");
    }

    @Test
    void removeUnsubscribesAndExportWritesCsvWithTheConsentRecord() {
        subscribers("add", "ada@example.org");
        subscribers("add", "grace@example.org");

        CommandResult removed = subscribers("remove", "ADA@example.org");
        CommandResult export = subscribers("export");

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).contains("ada@example.org is unsubscribed");
        assertThat(export.out().lines().toList()).first().isEqualTo("email,state,created_at,confirmed_at,source,"
                + "weekly,roundups,topics,follows,mutes,authors,picks,format,feedback");
        assertThat(export.out()).contains("ada@example.org,unsubscribed,").contains("grace@example.org,active,")
                .contains(",cli");
        assertThat(subscribers("remove", "nobody@example.org").exitCode()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(subscribers("add", "not an address").exitCode()).isEqualTo(Paperwire.EXIT_USAGE);
    }

    @Test
    void setStoresPreferencesAndExportCarriesThemWithTheFeedback() {
        subscribers("add", "ada@example.org");

        CommandResult set = subscribers("set", "ada@example.org", "--topics", "cs.CV,cs.RO", "--follow", "diffusion",
                "--mute", "benchmark", "--author", "Ada Lovelace", "--picks", "5", "--format", "short");
        CommandResult again = subscribers("set", "ada@example.org", "--picks", "2");
        CommandResult export = subscribers("export");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("topics [cs.CV, cs.RO], follows [diffusion], mutes [benchmark]");
        assertThat(again.out()).as("other values stay").contains("topics [cs.CV, cs.RO]").contains("picks 2");
        assertThat(export.out()).contains(",true,true,cs.CV; cs.RO,diffusion,benchmark,Ada Lovelace,2,short,");
    }

    @Test
    void setRefusesABadValueNamingIt() {
        subscribers("add", "ada@example.org");

        CommandResult result = subscribers("set", "ada@example.org", "--topics", "computer vision");
        CommandResult unknown = subscribers("set", "bob@example.org", "--picks", "2");

        assertThat(result.exitCode()).isEqualTo(Paperwire.EXIT_USAGE);
        assertThat(result.err()).contains("topic 'computer vision': name arXiv categories such as cs.CV");
        assertThat(unknown.exitCode()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(unknown.err()).contains("bob@example.org is not on the list");
    }

    @Test
    void anExportImportsAgainWithItsPreferencesAndFeedback() throws Exception {
        Path csv = home.resolve("backup.csv");
        Files.writeString(csv, """
                email,state,created_at,confirmed_at,source,weekly,roundups,topics,follows,mutes,authors,picks,format,feedback
                ada@example.org,active,,,cli,true,false,cs.CV; cs.RO,diffusion,benchmark,,4,full,2405.00001:+1 2405.00002:-1
                bob@example.org,active,,,cli,,,,,,,,,
                eve@example.org,active,,,cli,true,true,not a category,,,,,,
                """);

        CommandResult result = subscribers("import", csv.toString());
        String export = subscribers("export").out();

        assertThat(result.out()).as(result.toString()).contains("Imported 3");
        assertThat(result.err()).contains("line 4: eve@example.org imported without preferences: topic 'not a category'");
        assertThat(export).contains("ada@example.org,active,").contains(",true,false,cs.CV; cs.RO,diffusion,benchmark,,4,full,"
                + "2405.00001:+1 2405.00002:-1");
        assertThat(export.lines().filter(l -> l.startsWith("bob@")).findFirst().orElseThrow()).endsWith(",import backup.csv,,,,,,,,,");
    }

    @Test
    void forgetDeletesTheReadersDataAndTheirAddress() {
        subscribers("add", "ada@example.org");
        subscribers("add", "bob@example.org");
        subscribers("set", "ada@example.org", "--topics", "cs.CV");

        CommandResult forgotten = subscribers("forget", "ada@example.org");

        assertThat(forgotten.exitCode()).as(forgotten.toString()).isZero();
        assertThat(subscribers("list").out()).doesNotContain("ada@example.org").contains("forgotten-1@forgotten.invalid\tunsubscribed".replace("\\t", "\t"));
        assertThat(subscribers("export").out()).doesNotContain("ada@").doesNotContain("cs.CV").contains("bob@example.org");
        assertThat(subscribers("forget", "ada@example.org").exitCode()).isEqualTo(Paperwire.EXIT_FAILED);
    }
}
