package io.paperwire.summarize;

import io.paperwire.paper.Paper;
import io.paperwire.paper.Summary;
import io.paperwire.store.Database;
import io.paperwire.store.Json;

import java.time.Instant;
import java.util.Optional;

/** Stored summaries by (arXiv id, version, model, prompt hash): a rerun of a week makes no summariser call. */
public final class SummaryCache {

    private final Database database;

    public SummaryCache(Database database) {
        this.database = database;
    }

    public Optional<Summary> find(Paper paper, String model, String promptHash) {
        return database.queryOne(
                "SELECT summary FROM summaries WHERE arxiv_id = ? AND version = ? AND model = ? AND prompt_hash = ?",
                row -> Json.read(row.getString("summary"), Summary.class),
                paper.id().value(), paper.version(), model, promptHash);
    }

    public void put(Paper paper, String model, String promptHash, Summary summary) {
        database.inTransaction(c -> {
            Database.update(c, "DELETE FROM summaries WHERE arxiv_id = ? AND version = ? AND model = ? AND prompt_hash = ?",
                    paper.id().value(), paper.version(), model, promptHash);
            return Database.update(c, "INSERT INTO summaries (arxiv_id, version, model, prompt_hash, summary, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    paper.id().value(), paper.version(), model, promptHash, Json.write(summary), Instant.now());
        });
    }
}
