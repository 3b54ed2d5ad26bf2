-- Event ids a consumer group has applied, written in the same transaction as the effect: a redelivery is skipped.
CREATE TABLE $schema$.inbox (
    tenant_id text NOT NULL,
    consumer_group text NOT NULL,
    event_id text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, consumer_group, event_id)
);
SELECT platform.enable_tenant_isolation('$schema$.inbox');
