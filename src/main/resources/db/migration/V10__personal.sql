-- Preferences, feedback and personal picks (issue 18). Written once for both H2 (MODE=PostgreSQL) and PostgreSQL.

-- What a reader chose on the preferences page or an operator set with `subscribers set`. No row: the defaults
-- (the weekly issue, a "For you" section from the newsletter's own interests). Lists are one entry a line.
CREATE TABLE subscriber_preferences (
    subscriber_id   BIGINT       PRIMARY KEY,
    weekly          BOOLEAN      NOT NULL,
    roundups        BOOLEAN      NOT NULL,
    topics          TEXT         NOT NULL,       -- arXiv categories, e.g. cs.CV
    follow_keywords TEXT         NOT NULL,
    mute_keywords   TEXT         NOT NULL,
    follow_authors  TEXT         NOT NULL,
    picks           INT,                         -- NULL: paperwire.personal.default-picks; 0: no "For you" section
    email_format    VARCHAR(10)  NOT NULL,       -- full, short (TL;DRs only)
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- "More like this" (+1) / "less like this" (-1), the latest vote per (reader, paper).
CREATE TABLE feedback (
    subscriber_id   BIGINT       NOT NULL,
    arxiv_id        VARCHAR(40)  NOT NULL,
    vote            SMALLINT     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subscriber_id, arxiv_id)
);

-- The all-MiniLM-L6-v2 vector of every candidate of a week (384 little-endian floats), embedded once per week.
CREATE TABLE candidate_vectors (
    week            VARCHAR(10)  NOT NULL,
    arxiv_id        VARCHAR(40)  NOT NULL,
    vector          BYTEA        NOT NULL,
    PRIMARY KEY (week, arxiv_id)
);
CREATE INDEX candidate_vectors_paper ON candidate_vectors (arxiv_id);
