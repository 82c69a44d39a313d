-- Roundups (issue 17). Written once for both H2 (MODE=PostgreSQL) and PostgreSQL.

-- A roundup is an edition of the newsletter like a weekly issue: it gets a row in issues (kind 'roundup', the period
-- id such as 2024-05 in week, slug roundup-2024-05, content the JSON of io.paperwire.paper.Roundup), so the delivery
-- log, the Message-IDs and bounce reports key it by that row exactly as they key weekly issues.
ALTER TABLE issues ADD COLUMN kind VARCHAR(10) DEFAULT 'issue' NOT NULL;

-- The roundup text an LLM wrote, by (period, paper set, model, prompt hash): a rerun makes no call.
CREATE TABLE roundup_texts (
    cache_key    VARCHAR(64)  PRIMARY KEY,      -- SHA-256 of period, papers with versions, model and prompt hash
    period       VARCHAR(10)  NOT NULL,
    model        VARCHAR(200) NOT NULL,
    prompt_hash  VARCHAR(64)  NOT NULL,
    text         TEXT         NOT NULL,         -- JSON of io.paperwire.roundup.RoundupText
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
