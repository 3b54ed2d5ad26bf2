-- The effect the test handlers write: one row per applied event (no key, so a double application would show).
CREATE TABLE $schema$.applied (
    tenant_id text NOT NULL,
    event_id text NOT NULL,
    item_id text NOT NULL
);
SELECT platform.enable_tenant_isolation('$schema$.applied');
