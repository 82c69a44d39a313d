-- Operations: who started a run, which scheduled fire it belongs to, the node running it, stage timings and
-- counts, alerts, and the draft an editor must approve. Written once for both H2 (MODE=PostgreSQL) and PostgreSQL.

ALTER TABLE runs ADD COLUMN trigger_source VARCHAR(20) DEFAULT 'cli' NOT NULL;   -- cli, api, schedule, approve
ALTER TABLE runs ADD COLUMN scheduled_for  TIMESTAMP WITH TIME ZONE;           -- the cron fire time of a scheduled run
ALTER TABLE runs ADD COLUMN node           VARCHAR(200);                        -- the process that runs it
ALTER TABLE runs ADD COLUMN attempts       INT DEFAULT 1 NOT NULL;              -- >1 when another node took it over
ALTER TABLE runs ADD COLUMN stages         TEXT;                                -- JSON: per stage, duration and counts
ALTER TABLE runs ADD COLUMN alerts         TEXT;                                -- JSON: list of alert messages
ALTER TABLE runs ADD COLUMN draft          TEXT;                                -- JSON of the RenderedIssue awaiting approval

-- One scheduled fire time makes at most one run, whichever node (or catch-up on start) gets there first.
CREATE UNIQUE INDEX runs_scheduled_for ON runs (scheduled_for);

-- One run at a time per week: a row here is the lock, removed when the run ends (or taken over when stale).
CREATE TABLE run_locks (
    week         VARCHAR(10)  PRIMARY KEY,
    run_id       BIGINT       NOT NULL,
    node         VARCHAR(200),
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
