-- One row per interaction the tenant has, as told by ingestion events; a correction updates it in place.
CREATE TABLE $schema$.interactions_seen (
    tenant_id text NOT NULL,
    interaction_id uuid NOT NULL,
    queue text NOT NULL,
    channel text NOT NULL,
    arrived_at timestamptz NOT NULL,
    version int NOT NULL,
    PRIMARY KEY (tenant_id, interaction_id)
);
CREATE INDEX ON $schema$.interactions_seen (tenant_id, queue);
SELECT platform.enable_tenant_isolation('$schema$.interactions_seen');
