-- Each reader's "For you" picks of one issue, ranked once before the issue is mailed (issue 18): a resumed or
-- retried send mails the same picks without ranking every reader again, and a crash's resend is the same message.
-- One row per reader ranked, '[]' when nothing fitted. Written once for both H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE personal_picks (
    issue_id        BIGINT       NOT NULL,
    subscriber_id   BIGINT       NOT NULL,
    picks           TEXT         NOT NULL,       -- JSON: [{"arxivId": ..., "score": ..., "reasons": [...]}], best first
    ranked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (issue_id, subscriber_id)
);
