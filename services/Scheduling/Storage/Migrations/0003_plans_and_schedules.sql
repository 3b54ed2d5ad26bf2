-- A computed requirements plan (RequirementsPlan proto JSON) and the demand a schedule solve needs from it
-- (queues' required agents and work arrivals on the interval grid, scheduling-engine JSON).
CREATE TABLE $schema$.requirement_plans (
    tenant_id text NOT NULL,
    plan_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    plan jsonb NOT NULL,
    demand jsonb NOT NULL,
    PRIMARY KEY (tenant_id, plan_id)
);
SELECT platform.enable_tenant_isolation('$schema$.requirement_plans');

-- Schedule solves. The table is the queue: any replica's runner claims a queued job across tenants (its transaction
-- sets app.job_runner), so the policy admits that session besides the owning tenant, as the outbox does for its relay.
-- A running job whose heartbeat stops (its pod died) is failed by the next runner that looks.
CREATE TABLE $schema$.schedule_jobs (
    tenant_id text NOT NULL,
    job_id uuid NOT NULL,
    plan_id uuid NOT NULL,
    state text NOT NULL,
    time_limit_seconds int NOT NULL,
    gap_tolerance double precision NOT NULL,
    employees int NOT NULL,
    problem jsonb NOT NULL,
    phase text NOT NULL DEFAULT '',
    objective double precision NOT NULL DEFAULT 0,
    lower_bound double precision NOT NULL DEFAULT 0,
    gap double precision NOT NULL DEFAULT 0,
    elapsed_seconds double precision NOT NULL DEFAULT 0,
    cancel_requested boolean NOT NULL DEFAULT false,
    schedule_id uuid,
    error text NOT NULL DEFAULT '',
    runner text,
    heartbeat_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    PRIMARY KEY (tenant_id, job_id)
);
CREATE INDEX ON $schema$.schedule_jobs (created_at) WHERE state = 'queued';
CREATE INDEX ON $schema$.schedule_jobs (heartbeat_at) WHERE state = 'running';
ALTER TABLE $schema$.schedule_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE $schema$.schedule_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.schedule_jobs
    USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.job_runner', true) = 'on')
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.job_runner', true) = 'on');

-- Every version of a schedule: the solver's result (version 1) and each intraday re-plan, with the problem it solves.
CREATE TABLE $schema$.schedules (
    tenant_id text NOT NULL,
    schedule_id uuid NOT NULL,
    version int NOT NULL,
    plan_id uuid NOT NULL,
    job_id uuid NOT NULL,
    problem jsonb NOT NULL,
    result jsonb NOT NULL,
    violations jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    PRIMARY KEY (tenant_id, schedule_id, version)
);
SELECT platform.enable_tenant_isolation('$schema$.schedules');
