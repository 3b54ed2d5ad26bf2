-- Forecast jobs (state and progress, polled by WatchForecastJob), the forecasts they stored and planner adjustments.
CREATE TABLE $schema$.forecast_jobs (
    tenant_id text NOT NULL,
    job_id uuid PRIMARY KEY,
    request jsonb NOT NULL,
    state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    phase text NOT NULL,
    series_done int NOT NULL DEFAULT 0,
    series_total int NOT NULL,
    current_series text NOT NULL DEFAULT '',
    error text NOT NULL DEFAULT '',
    trigger text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX ON $schema$.forecast_jobs (tenant_id, created_at);
SELECT platform.enable_tenant_isolation('$schema$.forecast_jobs');
-- Jobs left queued or running by a stopped replica are picked up again at start-up, across tenants.
CREATE POLICY job_recovery ON $schema$.forecast_jobs FOR SELECT
    USING (current_setting('app.forecast_scheduler', true) = 'on');

CREATE TABLE $schema$.forecasts (
    tenant_id text NOT NULL,
    forecast_id uuid PRIMARY KEY,
    job_id uuid NOT NULL,
    kind text NOT NULL,
    queue text NOT NULL,
    interval_minutes int NOT NULL,
    time_zone text NOT NULL,
    method text NOT NULL,
    method_request text NOT NULL,
    status text NOT NULL,
    horizon_start timestamptz NOT NULL,
    horizon_end timestamptz NOT NULL,
    explanation jsonb NOT NULL,
    forecast_values jsonb NOT NULL,
    history_intervals int NOT NULL,
    published_version int NOT NULL DEFAULT 1,
    trigger text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ON $schema$.forecasts (tenant_id, kind, queue, created_at);
SELECT platform.enable_tenant_isolation('$schema$.forecasts');
-- The reforecast scheduler lists the queues with recent forecasts across tenants.
CREATE POLICY reforecast_scheduler ON $schema$.forecasts FOR SELECT
    USING (current_setting('app.forecast_scheduler', true) = 'on');

CREATE TABLE $schema$.adjustments (
    tenant_id text NOT NULL,
    adjustment_id uuid PRIMARY KEY,
    kind text NOT NULL,
    queue text NOT NULL,
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL,
    percent double precision,
    absolute double precision,
    note text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((percent IS NULL) <> (absolute IS NULL))
);
CREATE INDEX ON $schema$.adjustments (tenant_id, kind, queue, period_start);
SELECT platform.enable_tenant_isolation('$schema$.adjustments');
