-- Nothing reads interactions by queue and time (Forecasting and Analytics work from the events); the index cost every
-- stored row an index insertion and its WAL record.
DROP INDEX IF EXISTS $schema$.interactions_tenant_id_queue_arrived_at_idx;
