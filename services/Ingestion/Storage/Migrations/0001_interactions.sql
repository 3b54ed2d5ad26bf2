CREATE TABLE $schema$.interactions (
    tenant_id text NOT NULL,
    source_id text NOT NULL,
    interaction_id uuid NOT NULL DEFAULT gen_random_uuid(),
    version int NOT NULL DEFAULT 1,
    channel text NOT NULL,
    queue text NOT NULL,
    arrived_at timestamptz NOT NULL,
    answered_at timestamptz,
    ended_at timestamptz,
    talk_seconds double precision NOT NULL DEFAULT 0,
    hold_seconds double precision NOT NULL DEFAULT 0,
    wrap_seconds double precision NOT NULL DEFAULT 0,
    abandoned boolean NOT NULL DEFAULT false,
    abandoned_at timestamptz,
    transferred boolean NOT NULL DEFAULT false,
    customer_ref text NOT NULL DEFAULT '',
    work_item_ids text[] NOT NULL DEFAULT '{}',
    ingested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, source_id)
);
CREATE INDEX ON $schema$.interactions (tenant_id, queue, arrived_at);
SELECT platform.enable_tenant_isolation('$schema$.interactions');
