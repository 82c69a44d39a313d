package io.paperwire.source;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Candidates;
import io.paperwire.paper.Paper;
import io.paperwire.store.Database;
import io.paperwire.store.Json;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps every paper the sources delivered, one row per arXiv id with the newest version seen, so what a run saw can
 * be looked up after the fact (previews, rebuilds, questions from readers).
 */
public final class PaperStore {

    private final Database database;

    public PaperStore(Database database) {
        this.database = database;
    }

    /** The route's step after collecting: stores the candidates and hands them on unchanged. */
    public Candidates save(Candidates candidates) {
        saveAll(candidates.papers());
        return candidates;
    }

    public void saveAll(List<Paper> papers) {
        Instant now = Instant.now();
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM papers WHERE arxiv_id = ? AND version <= ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO papers (arxiv_id, version, published, paper, updated_at) SELECT ?, ?, ?, ?, ?"
                                 + " WHERE NOT EXISTS (SELECT 1 FROM papers WHERE arxiv_id = ?)")) {
                for (Paper paper : papers) {
                    delete.setString(1, paper.id().value());
                    delete.setInt(2, paper.version());
                    delete.addBatch();
                    insert.setString(1, paper.id().value());
                    insert.setInt(2, paper.version());
                    insert.setTimestamp(3, Database.timestamp(paper.published()));
                    insert.setString(4, Json.write(paper));
                    insert.setTimestamp(5, Database.timestamp(now));
                    insert.setString(6, paper.id().value());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The stored papers of these ids (the newest version and signals seen), by id; ids never stored are absent. */
    public Map<ArxivId, Paper> latest(Collection<ArxivId> ids) {
        Map<ArxivId, Paper> found = new HashMap<>();
        List<String> values = ids.stream().map(ArxivId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + 500));
            String marks = String.join(", ", chunk.stream().map(v -> "?").toList());
            database.query("SELECT paper FROM papers WHERE arxiv_id IN (" + marks + ")",
                    row -> Json.read(row.getString("paper"), Paper.class), chunk.toArray())
                    .forEach(paper -> found.put(paper.id(), paper));
        }
        return found;
    }

    public int count() {
        return database.queryOne("SELECT COUNT(*) AS n FROM papers", row -> row.getInt("n")).orElse(0);
    }
}
