-- The blending policy each tenant runs (threshold unless it chose otherwise).
CREATE TABLE $schema$.tenant_policies (
    tenant_id text PRIMARY KEY,
    policy text NOT NULL CHECK (policy IN ('threshold', 'silo', 'greedy')),
    changed_at timestamptz NOT NULL DEFAULT now()
);
SELECT platform.enable_tenant_isolation('$schema$.tenant_policies');
