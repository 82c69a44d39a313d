package io.paperwire.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reports a benchmark figure in the one format every benchmark uses: one line with the name, the median of several
 * runs, the unit, and the ratio against the named baseline. Lines go to stdout and to target/bench-results.txt.
 */
public final class Bench {

    private Bench() {}

    public static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** @param baseline what the ratio is against, e.g. "sequential (1 call at a time)"; the ratio is median / baselineMedian */
    public static String report(String name, List<Double> samples, String unit, String baseline, double baselineMedian) {
        double median = median(samples);
        String line = String.format(Locale.ROOT, "BENCH %-40s median %10.3f %-8s ratio %6.3f vs %s (median %.3f; runs: %d)",
                name, median, unit, baselineMedian == 0 ? Double.NaN : median / baselineMedian, baseline, baselineMedian,
                samples.size());
        System.out.println(line);
        try {
            Path results = Path.of("target", "bench-results.txt");
            Files.createDirectories(results.getParent());
            Files.writeString(results, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }
}
