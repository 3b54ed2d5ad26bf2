-- The effect `bocloud bench bus` applies: one row per event, no key, so a double application shows in the count.
CREATE TABLE $schema$.bench_applied (
    tenant_id text NOT NULL,
    sequence bigint NOT NULL,
    published_at timestamptz NOT NULL,
    applied_at timestamptz NOT NULL
);
SELECT platform.enable_tenant_isolation('$schema$.bench_applied');
