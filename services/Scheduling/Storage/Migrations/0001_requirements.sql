-- Staffing requirements per tenant, queue and interval, as last computed for a planning period.
CREATE TABLE $schema$.requirements (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_minutes int NOT NULL,
    required_agents double precision NOT NULL,
    deferrable_minutes double precision NOT NULL DEFAULT 0,
    computed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, queue, interval_start)
);
SELECT platform.enable_tenant_isolation('$schema$.requirements');
