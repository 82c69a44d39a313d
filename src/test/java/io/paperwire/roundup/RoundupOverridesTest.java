package io.paperwire.roundup;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.select.EditorOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoundupOverridesTest {

    static final RoundupPeriod MAY = RoundupPeriod.month(2024, 5);

    @Test
    void roundupLinesShareTheWeeklyFileWithoutDisturbingTheWeeklySelection(@TempDir Path home) throws Exception {
        Path file = home.resolve("overrides.properties");
        Files.write(file, List.of("# weekly", "2405.12345 = pin", "# roundups", "roundup 2024-05 2405.22222 = pin",
                "roundup 2024 2405.33333 = drop", "Roundup 2024-05: 2405.44444 = drop"));

        assertThat(EditorOverrides.read(file).all()).containsOnlyKeys(ArxivId.of("2405.12345"));
        RoundupOverrides may = RoundupOverrides.read(file, MAY);
        assertThat(may.all()).containsOnlyKeys(ArxivId.of("2405.22222"), ArxivId.of("2405.44444"));
        assertThat(may.of(ArxivId.of("2405.44444")).orElseThrow().action()).isEqualTo(RoundupOverrides.Action.DROP);
        assertThat(RoundupOverrides.read(file, RoundupPeriod.year(2024)).all()).containsOnlyKeys(ArxivId.of("2405.33333"));
        assertThat(RoundupOverrides.read(home.resolve("missing"), MAY).all()).isEmpty();
    }

    @Test
    void aLineThatCannotBeUnderstoodNamesTheFileLineAndFix() {
        assertThatThrownBy(() -> RoundupOverrides.parse(List.of("roundup 2024-05 2405.1 = pin",
                "roundup May 2405.12345 = pin", "roundup 2024-05 2405.12345 = move highlights",
                "roundup 2024-05 2405.12345 = keep"), "overrides.properties", MAY))
                .isInstanceOf(EditorOverrides.InvalidOverridesException.class)
                .hasMessageContaining("overrides.properties:1: 'roundup 2024-05 2405.1 = pin': not an arXiv id")
                .hasMessageContaining("overrides.properties:2: 'roundup May 2405.12345 = pin': 'May' is no roundup period")
                .hasMessageContaining("overrides.properties:3: 'roundup 2024-05 2405.12345 = move highlights': write")
                .hasMessageContaining("overrides.properties:4: 'roundup 2024-05 2405.12345 = keep': the action must be 'pin' or 'drop'");
    }
}
