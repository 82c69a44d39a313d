-- The embedded (H2) database only; PostgreSQL keeps the index. Versions are shared with db/migration: the next
-- migration for both databases is V6.
--
-- On H2 the queue index costs more than it gives: every delivery row is inserted into it and moved within it when
-- marked sent, and H2's planner picks it for range reads by subscriber where the primary key is the better path.
-- The embedded send walks the rows in subscriber order (DeliveryLog's cursor), which the primary key serves.
DROP INDEX IF EXISTS deliveries_queue;
