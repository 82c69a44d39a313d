package io.paperwire.archive;

import io.paperwire.paper.Roundup;
import io.paperwire.paper.RoundupPeriod;
import io.paperwire.store.Database;
import io.paperwire.store.Json;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The published roundups. A roundup is an edition of the newsletter like a weekly issue, so it is a row of the issues
 * table, of kind {@code roundup}, with the period's id where an issue has its week: the delivery log, Message-IDs and
 * bounce reports key it by that row's id and its slug ({@code roundup-2024-05}) exactly as they key weekly issues.
 */
public final class RoundupStore {

    /** A stored roundup with its rendered email, and the row id the delivery log keys it by. */
    public record Stored(long id, Roundup roundup, String subject, String html, String text) {}

    private final Database database;

    public RoundupStore(Database database) {
        this.database = database;
    }

    /** The edition a new roundup of this period gets: 1, or one more than the latest when forced. */
    public int nextEdition(RoundupPeriod period, boolean force) {
        int latest = database.queryOne("SELECT MAX(edition) AS latest FROM issues WHERE week = ? AND kind = 'roundup'",
                row -> row.getInt("latest"), period.id()).orElse(0);
        return latest == 0 ? 1 : force ? latest + 1 : latest;
    }

    /** The latest edition of this period's roundup, if one was published. */
    public Optional<Stored> latest(RoundupPeriod period) {
        return database.queryOne("SELECT id, subject, content, email_html, email_text FROM issues"
                        + " WHERE week = ? AND kind = 'roundup' ORDER BY edition DESC LIMIT 1",
                row -> new Stored(row.getLong("id"), Json.read(row.getString("content"), Roundup.class),
                        row.getString("subject"), row.getString("email_html"), row.getString("email_text")),
                period.id());
    }

    /** The id of the roundup published last (of any period), if any. */
    public Optional<Long> newestId() {
        return database.queryOne("SELECT MAX(id) AS id FROM issues WHERE kind = 'roundup' HAVING COUNT(*) > 0",
                row -> row.getLong("id"));
    }

    /** The roundup stored under this id, if it is one. */
    public Optional<Stored> stored(long id) {
        return database.queryOne("SELECT id, subject, content, email_html, email_text FROM issues"
                        + " WHERE id = ? AND kind = 'roundup'",
                row -> new Stored(row.getLong("id"), Json.read(row.getString("content"), Roundup.class),
                        row.getString("subject"), row.getString("email_html"), row.getString("email_text")), id);
    }

    /** Every published roundup, the newest period first (a month before the year that holds it), then edition. */
    public List<Roundup> all() {
        return database.query("SELECT content FROM issues WHERE kind = 'roundup'",
                        row -> Json.read(row.getString("content"), Roundup.class)).stream()
                .sorted(NEWEST_FIRST).toList();
    }

    /** Newest period first (by its end, then the shorter first), then the latest edition first. */
    public static final Comparator<Roundup> NEWEST_FIRST = Comparator
            .comparing((Roundup r) -> r.period().lastDay()).reversed()
            .thenComparing(r -> r.period().firstDay(), Comparator.reverseOrder())
            .thenComparing(Comparator.comparingInt(Roundup::edition).reversed());

    /** Stores a new roundup inside the caller's transaction and returns its id. */
    public long insert(Connection connection, Roundup roundup, String subject, String html, String text)
            throws SQLException {
        return Database.insert(connection,
                "INSERT INTO issues (week, edition, slug, state, subject, content, email_html, email_text, created_at, kind)"
                        + " VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?, 'roundup')",
                roundup.period().id(), roundup.edition(), roundup.slug(), subject, Json.write(roundup), html, text,
                roundup.createdAt());
    }
}
