package io.paperwire.archive;

import io.paperwire.paper.Issue;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.paper.Week;
import io.paperwire.store.Database;
import io.paperwire.store.Json;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published weekly issues, each stored with its content and rendered email so it can be resent or re-rendered.
 * They are the rows of kind {@code issue}; roundups share the table ({@link RoundupStore}).
 */
public final class IssueStore {

    private final Database database;

    public IssueStore(Database database) {
        this.database = database;
    }

    /** The edition a new issue of this week gets: 1, or one more than the latest when forced. */
    public int nextEdition(Week week, boolean force) {
        int latest = database.queryOne("SELECT MAX(edition) AS latest FROM issues WHERE week = ? AND kind = 'issue'",
                row -> row.getInt("latest"), week.toString()).orElse(0);
        return latest == 0 ? 1 : force ? latest + 1 : latest;
    }

    public Optional<RenderedIssue> latest(RunRequest request) {
        return database.queryOne(
                "SELECT id, subject, content, email_html, email_text FROM issues WHERE week = ? AND kind = 'issue' ORDER BY edition DESC LIMIT 1",
                row -> new RenderedIssue(request, row.getLong("id"), Json.read(row.getString("content"), Issue.class),
                        row.getString("subject"), row.getString("email_html"), row.getString("email_text")),
                request.week().toString());
    }

    /** Every stored issue, newest week first. */
    public List<Issue> all() {
        return database.query("SELECT content FROM issues WHERE kind = 'issue' ORDER BY week DESC, edition DESC",
                row -> Json.read(row.getString("content"), Issue.class));
    }

    /** Stores a new issue inside the caller's transaction and returns its id. */
    public long insert(Connection connection, RenderedIssue rendered) throws SQLException {
        Issue issue = rendered.issue();
        return Database.insert(connection,
                "INSERT INTO issues (week, edition, slug, state, subject, content, email_html, email_text, created_at)"
                        + " VALUES (?, ?, ?, 'published', ?, ?, ?, ?, ?)",
                issue.week().toString(), issue.edition(), issue.slug(), rendered.subject(), Json.write(issue),
                rendered.html(), rendered.text(), Instant.now());
    }
}
