package io.paperwire.personalise;

import io.paperwire.paper.Paper;
import io.paperwire.select.personal.Pick;
import io.paperwire.store.Database;
import io.paperwire.store.Json;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each reader's picks of one issue in the {@code personal_picks} table: one row per reader ranked (an empty list
 * when nothing fitted), the papers by arXiv id with the score and the reasons shown.
 */
public final class StoredPicks {

    private static final int BATCH = 1000;
    private static final int IDS_PER_QUERY = 500;

    /** One stored pick: the paper by id, its score and its reasons. */
    record Row(String arxivId, double score, List<String> reasons) {}

    private final Database database;

    public StoredPicks(Database database) {
        this.database = database;
    }

    /** The readers whose picks of this issue are stored. */
    public Set<Long> readers(long issueId) {
        return new HashSet<>(database.query("SELECT subscriber_id FROM personal_picks WHERE issue_id = ?",
                row -> row.getLong("subscriber_id"), issueId));
    }

    /**
     * Stores these readers' picks of the issue; a reader stored before (by another send of the same issue meanwhile)
     * keeps their first picks.
     */
    public void save(long issueId, Map<Long, List<Pick>> picks) {
        Instant now = Instant.now();
        database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO personal_picks"
                    + " (issue_id, subscriber_id, picks, ranked_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                int pending = 0;
                for (Map.Entry<Long, List<Pick>> e : picks.entrySet()) {
                    insert.setLong(1, issueId);
                    insert.setLong(2, e.getKey());
                    insert.setString(3, Json.write(e.getValue().stream()
                            .map(p -> new Row(p.paper().id().value(), p.score(), p.reasons())).toList()));
                    insert.setTimestamp(4, Database.timestamp(now));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * Every stored reader's picks of the issue, the papers read back from the {@code papers} table; a paper no longer
     * stored there is left out of the reader's picks.
     */
    public Map<Long, List<Pick>> load(long issueId) {
        Map<Long, List<Row>> rows = new HashMap<>();
        database.query("SELECT subscriber_id, picks FROM personal_picks WHERE issue_id = ?", row -> {
            rows.put(row.getLong("subscriber_id"), List.of(read(row.getString("picks"))));
            return null;
        }, issueId);
        Set<String> ids = new LinkedHashSet<>();
        rows.values().forEach(list -> list.forEach(r -> ids.add(r.arxivId())));
        Map<String, Paper> papers = papers(new ArrayList<>(ids));
        Map<Long, List<Pick>> picks = new HashMap<>();
        rows.forEach((reader, list) -> {
            List<Pick> mine = new ArrayList<>(list.size());
            for (Row r : list) {
                Paper paper = papers.get(r.arxivId());
                if (paper != null) {
                    mine.add(new Pick(paper, r.score(), r.reasons()));
                }
            }
            picks.put(reader, mine);
        });
        return picks;
    }

    private static Row[] read(String json) {
        return Json.read(json, Row[].class);
    }

    private Map<String, Paper> papers(List<String> ids) {
        Map<String, Paper> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            database.query("SELECT arxiv_id, paper FROM papers WHERE arxiv_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", row -> {
                found.put(row.getString("arxiv_id"), Json.read(row.getString("paper"), Paper.class));
                return null;
            }, chunk.toArray());
        }
        return found;
    }

}
