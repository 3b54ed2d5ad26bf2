-- What the planner reads, kept from events: the latest forecast per queue, the roster's queues and agents, and the
-- current state of every back-office work item. Payloads are kept as their proto JSON. A row is replaced only by a
-- newer one: ordered by (issued_at, version); forecasts are issued at their created_at, roster rows at the epoch
-- (their version alone orders them).
CREATE TABLE $schema$.forecasts (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    issued_at timestamptz NOT NULL,
    version int NOT NULL,
    payload jsonb NOT NULL,
    PRIMARY KEY (tenant_id, queue)
);
SELECT platform.enable_tenant_isolation('$schema$.forecasts');

CREATE TABLE $schema$.roster_queues (
    tenant_id text NOT NULL,
    queue text NOT NULL,
    issued_at timestamptz NOT NULL,
    version int NOT NULL,
    payload jsonb NOT NULL,
    PRIMARY KEY (tenant_id, queue)
);
SELECT platform.enable_tenant_isolation('$schema$.roster_queues');

CREATE TABLE $schema$.roster_agents (
    tenant_id text NOT NULL,
    agent_id text NOT NULL,
    issued_at timestamptz NOT NULL,
    version int NOT NULL,
    payload jsonb NOT NULL,
    PRIMARY KEY (tenant_id, agent_id)
);
SELECT platform.enable_tenant_isolation('$schema$.roster_agents');

CREATE TABLE $schema$.work_items (
    tenant_id text NOT NULL,
    work_item_id text NOT NULL,
    queue text NOT NULL,
    work_type text NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    due_at timestamptz,
    effort_minutes double precision NOT NULL,
    version int NOT NULL,
    PRIMARY KEY (tenant_id, work_item_id)
);
CREATE INDEX ON $schema$.work_items (tenant_id) WHERE status NOT IN ('completed', 'cancelled');
SELECT platform.enable_tenant_isolation('$schema$.work_items');

-- Planning settings per tenant (PlanningSettings proto JSON); a tenant without a row plans with the defaults.
CREATE TABLE $schema$.planning_settings (
    tenant_id text PRIMARY KEY,
    payload jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT platform.enable_tenant_isolation('$schema$.planning_settings');
