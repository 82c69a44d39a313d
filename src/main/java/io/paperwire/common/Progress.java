package io.paperwire.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long stage, e.g. {@code papers summarised 7/20 (35%), 2.3/s, ETA 6s}. On a terminal one line is
 * rewritten in place (at most five times a second); otherwise (logs, CI, a service) each step is one log line, up
 * to one line per percent: a send to 10,000 subscribers logs 100 lines, not 10,000.
 */
public final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String what;
    private final int total;
    private final PrintStream terminal;
    private final LongSupplier nanoTime;
    private final long started;
    private int done;
    private long lastDrawn;

    Progress(String what, int total, PrintStream terminal, LongSupplier nanoTime) {
        this.what = what;
        this.total = total;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.lastDrawn = started - REDRAW_NANOS;
    }

    /** Progress of {@code total} steps, drawn on the terminal when there is one, else logged. */
    public static Progress start(String what, int total) {
        return new Progress(what, total, System.console() != null ? System.err : null, System::nanoTime);
    }

    /** One more step done. */
    public synchronized void step() {
        done++;
        if (total <= 0) {
            return;
        }
        if (terminal == null) {
            if ((long) done * 100 / total != (long) (done - 1) * 100 / total || total <= 100) {
                LOG.info("Progress: {}", line());
            }
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastDrawn >= REDRAW_NANOS || done >= total) {
            lastDrawn = now;
            terminal.print("\r" + line() + (done >= total ? System.lineSeparator() : ""));
            terminal.flush();
        }
    }

    /** The current line: done/total, percent, rate and the estimated time left. */
    public synchronized String line() {
        double seconds = Math.max(1e-9, (nanoTime.getAsLong() - started) / 1e9);
        double rate = done / seconds;
        String eta = done >= total ? "done" : rate <= 0 ? "ETA ?" : "ETA " + format(Duration.ofMillis(
                Math.round((total - done) / rate * 1000)));
        return String.format(Locale.ROOT, "%s %d/%d (%d%%), %.1f/s, %s", what, done, total,
                total == 0 ? 100 : done * 100 / total, rate, eta);
    }

    private static String format(Duration d) {
        long s = (d.toMillis() + 999) / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
