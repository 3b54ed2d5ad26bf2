-- The effect the test handlers write: one row per applied event (no key, so a double application would show).
CREATE TABLE $schema$.applied (
    tenant_id text NOT NULL,
    event_id text NOT NULL,
    item_id text NOT NULL
);
ALTER TABLE $schema$.applied ENABLE ROW LEVEL SECURITY;
ALTER TABLE $schema$.applied FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.applied
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
