-- The effect `bocloud bench bus` applies: one row per event, no key, so a double application shows in the count.
CREATE TABLE $schema$.bench_applied (
    tenant_id text NOT NULL,
    sequence bigint NOT NULL,
    published_at timestamptz NOT NULL,
    applied_at timestamptz NOT NULL
);
ALTER TABLE $schema$.bench_applied ENABLE ROW LEVEL SECURITY;
ALTER TABLE $schema$.bench_applied FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.bench_applied
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
