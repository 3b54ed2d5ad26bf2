-- The facts a tenant's live blending state was built from (events consumed, supervisor and agent actions), in the
-- order they were applied: replaying them rebuilds the same engine after a restart. facts_applied serialises writers.
CREATE TABLE $schema$.tenants (
    tenant_id text PRIMARY KEY,
    facts_applied bigint NOT NULL DEFAULT 0
);
SELECT platform.enable_tenant_isolation('$schema$.tenants');

CREATE TABLE $schema$.facts (
    tenant_id text NOT NULL,
    seq bigint NOT NULL,
    kind text NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload text NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
SELECT platform.enable_tenant_isolation('$schema$.facts');

-- Each agent's task stream, numbered per agent: a desktop resumes after the last sequence it saw.
CREATE TABLE $schema$.agent_tasks (
    tenant_id text NOT NULL,
    agent_id text NOT NULL,
    seq bigint NOT NULL,
    task text NOT NULL,
    PRIMARY KEY (tenant_id, agent_id, seq)
);
SELECT platform.enable_tenant_isolation('$schema$.agent_tasks');

-- Policies chosen per queue (the tenant's default is in tenant_policies).
CREATE TABLE $schema$.queue_policies (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    policy text NOT NULL CHECK (policy IN ('threshold', 'silo', 'greedy')),
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, queue)
);
SELECT platform.enable_tenant_isolation('$schema$.queue_policies');
