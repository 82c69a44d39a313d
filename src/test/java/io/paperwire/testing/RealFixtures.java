package io.paperwire.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real recordings in {@code ../shared/fixtures/real}: tests that read them skip when the folder is absent. */
public final class RealFixtures {

    private RealFixtures() {}

    public static Path folder() {
        Path folder = Path.of(System.getProperty("paperwire.realFixtures", "../shared/fixtures/real")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "real recordings not found at " + folder + "; skipping (they live beside the repo in shared/)");
        return folder;
    }
}
