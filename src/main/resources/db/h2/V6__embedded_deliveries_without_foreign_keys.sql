-- The embedded (H2) database only; PostgreSQL keeps its foreign keys. The next migration for both databases is V7.
--
-- H2 gives each foreign key an index of its own (it does not reuse the primary key for issue_id), so every delivery
-- row cost two more index inserts and two lookups in subscribers and issues; in a send of 10,000 that made the
-- sender about 15% slower (the delivery benchmark), most of it in compiling H2's code for that work.
-- Nothing is lost: delivery rows are only created from the subscribers table (DeliveryLog), and no subscriber or
-- issue is ever deleted. The table is rebuilt rather than altered because H2 names those constraints itself.
CREATE TABLE deliveries_rebuilt (
    issue_id      BIGINT       NOT NULL,
    subscriber_id BIGINT       NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    message_id    VARCHAR(300),
    attempts      INT          NOT NULL DEFAULT 0,
    last_error    TEXT,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    failed_run    VARCHAR(40),
    CONSTRAINT deliveries_pk PRIMARY KEY (issue_id, subscriber_id)
);
INSERT INTO deliveries_rebuilt (issue_id, subscriber_id, state, message_id, attempts, last_error, updated_at, sent_at,
                                failed_run)
SELECT issue_id, subscriber_id, state, message_id, attempts, last_error, updated_at, sent_at, failed_run
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_rebuilt RENAME TO deliveries;
