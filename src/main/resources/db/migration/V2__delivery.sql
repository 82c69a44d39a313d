-- Delivery and subscription, issue 6. Written once for both H2 (MODE=PostgreSQL) and PostgreSQL.

-- Delivery rows: 'pending' until the SMTP server accepted the message ('sent', with sent_at and message_id);
-- 'failed' after a transient failure (the next run tries again); 'bounced' after a permanent rejection.
ALTER TABLE deliveries ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
-- The send that last failed this row: that send does not take it again, the next one does.
ALTER TABLE deliveries ADD COLUMN failed_run VARCHAR(40);
CREATE INDEX deliveries_queue ON deliveries (issue_id, state, subscriber_id);

-- Proof of consent: when and how each address was confirmed (double opt-in, the CLI, an import).
ALTER TABLE subscribers ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE subscribers ADD COLUMN source VARCHAR(200);
