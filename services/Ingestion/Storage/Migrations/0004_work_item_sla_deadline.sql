-- The deadline derived from an SLA rule for items sent without one; due_at stays as sent, so re-sending stays a duplicate.
ALTER TABLE $schema$.work_items ADD COLUMN sla_due_at timestamptz;
