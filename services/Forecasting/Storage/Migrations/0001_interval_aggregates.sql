-- Interval aggregates per tenant, queue and interval, built from ingestion events: the history forecasts train on.
CREATE TABLE $schema$.interval_aggregates (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_minutes int NOT NULL,
    offered double precision NOT NULL DEFAULT 0,
    handled double precision NOT NULL DEFAULT 0,
    handle_seconds double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, queue, interval_minutes, interval_start)
);
SELECT platform.enable_tenant_isolation('$schema$.interval_aggregates');
