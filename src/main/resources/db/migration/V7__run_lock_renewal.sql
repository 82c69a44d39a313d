-- A week's run lock is renewed by the process that holds it (every 30 s, route run-renew-locks); a lock not renewed
-- for paperwire.run.lock-timeout-minutes belongs to a process that died, and the next run of that week takes it over.
ALTER TABLE run_locks ADD COLUMN renewed_at TIMESTAMP WITH TIME ZONE;
UPDATE run_locks SET renewed_at = acquired_at;
ALTER TABLE run_locks ALTER COLUMN renewed_at SET NOT NULL;
