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
        assertThat(export.out().lines().toList()).first().isEqualTo("email,state,created_at,confirmed_at,source");
        assertThat(export.out()).contains("ada@example.org,unsubscribed,").contains("grace@example.org,active,")
                .contains(",cli");
        assertThat(subscribers("remove", "nobody@example.org").exitCode()).isEqualTo(Paperwire.EXIT_FAILED);
        assertThat(subscribers("add", "not an address").exitCode()).isEqualTo(Paperwire.EXIT_USAGE);
    }
}
