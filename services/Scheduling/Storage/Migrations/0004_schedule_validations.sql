-- The last validation (simulation before publishing) of each schedule version, as ScheduleSimulation proto JSON.
CREATE TABLE $schema$.schedule_validations (
    tenant_id text NOT NULL,
    schedule_id uuid NOT NULL,
    version int NOT NULL,
    simulation jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, schedule_id, version)
);
SELECT platform.enable_tenant_isolation('$schema$.schedule_validations');
