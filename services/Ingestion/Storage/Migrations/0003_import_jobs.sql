-- A bulk import's progress is updated in the same transaction as each chunk it commits.
CREATE TABLE $schema$.import_jobs (
    tenant_id text NOT NULL,
    job_id uuid NOT NULL,
    kind text NOT NULL,
    file_name text NOT NULL DEFAULT '',
    status text NOT NULL,
    rows_read bigint NOT NULL DEFAULT 0,
    accepted bigint NOT NULL DEFAULT 0,
    updated bigint NOT NULL DEFAULT 0,
    duplicates bigint NOT NULL DEFAULT 0,
    rejected bigint NOT NULL DEFAULT 0,
    bytes_read bigint NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    failure text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, job_id)
);
SELECT platform.enable_tenant_isolation('$schema$.import_jobs');

CREATE TABLE $schema$.import_job_errors (
    tenant_id text NOT NULL,
    job_id uuid NOT NULL,
    row_number bigint NOT NULL,
    field text NOT NULL,
    value text NOT NULL,
    reason text NOT NULL
);
CREATE INDEX ON $schema$.import_job_errors (tenant_id, job_id, row_number);
SELECT platform.enable_tenant_isolation('$schema$.import_job_errors');
