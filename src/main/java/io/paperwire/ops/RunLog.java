package io.paperwire.ops;

import io.paperwire.paper.RunRequest;
import io.paperwire.store.Database;
import io.paperwire.store.Json;
import org.apache.camel.Exchange;

import java.time.Instant;

/**
 * Records every run in the {@code runs} table: started, then succeeded with its report or failed with its error.
 * The route calls {@link #begin} first and {@link #succeed} or {@link #fail} last; the run id travels as the exchange
 * property {@value #RUN_ID}.
 */
public final class RunLog {

    public static final String RUN_ID = "paperwireRunId";
    public static final String DRY_RUN = "paperwireDryRun";

    private final Database database;

    public RunLog(Database database) {
        this.database = database;
    }

    public RunRequest begin(RunRequest request, Exchange exchange) {
        long id = database.inTransaction(c -> Database.insert(c,
                "INSERT INTO runs (week, state, sample, dry_run, forced, started_at) VALUES (?, 'running', ?, ?, ?, ?)",
                request.week().toString(), request.sample(), request.dryRun(), request.force(), Instant.now()));
        exchange.setProperty(RUN_ID, id);
        exchange.setProperty(DRY_RUN, request.dryRun());
        return request;
    }

    public void succeed(Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        if (id != null) {
            Object report = exchange.getMessage().getBody();
            database.update("UPDATE runs SET state = 'succeeded', finished_at = ?, report = ? WHERE id = ? AND state = 'running'",
                    Instant.now(), report == null ? null : Json.write(report), id);
        }
    }

    public void fail(Exchange exchange) {
        Long id = exchange.getProperty(RUN_ID, Long.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (error == null) {
            error = exchange.getException();
        }
        if (id != null) {
            database.update("UPDATE runs SET state = 'failed', finished_at = ?, error = ? WHERE id = ? AND state = 'running'",
                    Instant.now(), error == null ? "unknown error" : String.valueOf(error.getMessage()), id);
        }
    }
}
