-- Every kind is keyed by (tenant_id, source_id); kinds without an id of their own get one from their natural key.
ALTER TABLE $schema$.interactions ADD COLUMN repeat_of text;
CREATE INDEX ON $schema$.interactions (tenant_id, customer_ref, arrived_at) WHERE customer_ref <> '';

CREATE TABLE $schema$.interval_statistics (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    record_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    queue text NOT NULL,
    channel text NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_minutes int NOT NULL,
    offered bigint NOT NULL,
    handled bigint NOT NULL,
    abandoned bigint NOT NULL,
    average_handle_seconds double precision NOT NULL,
    answered_within_threshold bigint NOT NULL,
    threshold_seconds double precision NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
CREATE INDEX ON $schema$.interval_statistics (tenant_id, queue, interval_start);
SELECT platform.enable_tenant_isolation('$schema$.interval_statistics');

CREATE TABLE $schema$.work_items (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    record_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    work_type text NOT NULL,
    queue text NOT NULL,
    created_at timestamptz NOT NULL,
    due_at timestamptz,
    sla_business_hours double precision NOT NULL DEFAULT 0,
    effort_minutes double precision NOT NULL DEFAULT 0,
    priority int NOT NULL DEFAULT 0,
    customer_ref text NOT NULL DEFAULT '',
    -- state after the latest lifecycle event (work_item_events), and the open item this one duplicates
    status text NOT NULL DEFAULT 'open',
    pended_until timestamptz,
    duplicate_of text,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
CREATE INDEX ON $schema$.work_items (tenant_id, customer_ref, work_type, created_at) WHERE customer_ref <> '';
SELECT platform.enable_tenant_isolation('$schema$.work_items');

CREATE TABLE $schema$.work_item_events (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    record_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    work_item_id text NOT NULL,
    event text NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL DEFAULT '',
    pended_until timestamptz,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
CREATE INDEX ON $schema$.work_item_events (tenant_id, work_item_id, occurred_at);
SELECT platform.enable_tenant_isolation('$schema$.work_item_events');

CREATE TABLE $schema$.agent_states (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    record_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    agent_id text NOT NULL,
    state text NOT NULL,
    reason_code text NOT NULL DEFAULT '',
    started_at timestamptz NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
CREATE INDEX ON $schema$.agent_states (tenant_id, agent_id, started_at);
SELECT platform.enable_tenant_isolation('$schema$.agent_states');

CREATE TABLE $schema$.roster_agents (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    record_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    name text NOT NULL DEFAULT '',
    team text NOT NULL DEFAULT '',
    skills jsonb NOT NULL,
    contract jsonb,
    availability jsonb NOT NULL,
    time_off jsonb NOT NULL,
    time_zone text NOT NULL DEFAULT '',
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
SELECT platform.enable_tenant_isolation('$schema$.roster_agents');

CREATE TABLE $schema$.roster_queues (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    record_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    channel text NOT NULL,
    is_deferrable boolean NOT NULL,
    target_service_level double precision NOT NULL,
    target_seconds double precision NOT NULL,
    deadline_business_hours double precision NOT NULL,
    open_hours jsonb NOT NULL,
    closed_dates text[] NOT NULL,
    time_zone text NOT NULL,
    concurrency int NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
SELECT platform.enable_tenant_isolation('$schema$.roster_queues');
