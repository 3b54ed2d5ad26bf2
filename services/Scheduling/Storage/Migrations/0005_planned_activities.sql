-- Meetings and trainings a schedule must place for their attendees (PutPlannedActivities), by the tenant's id.
CREATE TABLE $schema$.planned_activities (
    tenant_id text NOT NULL,
    activity_id text NOT NULL,
    name text NOT NULL,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    agent_ids text[] NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, activity_id)
);
CREATE INDEX ON $schema$.planned_activities (tenant_id, starts_at);
SELECT platform.enable_tenant_isolation('$schema$.planned_activities');
