-- The blending policy each tenant runs (threshold unless it chose otherwise).
CREATE TABLE $schema$.tenant_policies (
    tenant_id text PRIMARY KEY,
    policy text NOT NULL CHECK (policy IN ('threshold', 'silo', 'greedy')),
    changed_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE $schema$.tenant_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE $schema$.tenant_policies FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.tenant_policies
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
