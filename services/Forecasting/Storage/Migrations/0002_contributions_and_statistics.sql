-- Aggregates are kept per kind of series: contacts per queue (from interactions) and back-office arrivals per work
-- type (from work-item "created" events). Each source record's contribution is kept, so that a corrected version
-- moves its contribution instead of counting twice.
ALTER TABLE $schema$.interval_aggregates ADD COLUMN kind text NOT NULL DEFAULT 'contacts' CHECK (kind IN ('contacts', 'work_items'));
ALTER TABLE $schema$.interval_aggregates DROP CONSTRAINT interval_aggregates_pkey;
ALTER TABLE $schema$.interval_aggregates ADD PRIMARY KEY (tenant_id, kind, queue, interval_minutes, interval_start);

CREATE TABLE $schema$.contributions (
    tenant_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('contacts', 'work_items')),
    source_id text NOT NULL,
    queue text NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_minutes int NOT NULL,
    offered double precision NOT NULL,
    handled double precision NOT NULL,
    handle_seconds double precision NOT NULL,
    version int NOT NULL,
    PRIMARY KEY (tenant_id, kind, source_id)
);
SELECT platform.enable_tenant_isolation('$schema$.contributions');

-- ACD interval rows as the source reported them (any length); a later version replaces the row.
CREATE TABLE $schema$.interval_statistics (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_minutes int NOT NULL,
    offered double precision NOT NULL,
    handled double precision NOT NULL,
    handle_seconds double precision NOT NULL,
    version int NOT NULL,
    PRIMARY KEY (tenant_id, queue, interval_minutes, interval_start)
);
SELECT platform.enable_tenant_isolation('$schema$.interval_statistics');

-- What the roster says about a queue: its time zone (the local calendar its forecasts lie on).
CREATE TABLE $schema$.queue_settings (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    time_zone text NOT NULL,
    is_deferrable boolean NOT NULL,
    version int NOT NULL,
    PRIMARY KEY (tenant_id, queue)
);
SELECT platform.enable_tenant_isolation('$schema$.queue_settings');
