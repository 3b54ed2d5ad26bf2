CREATE TABLE $schema$.notes (
    tenant_id text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    body text NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
ALTER TABLE $schema$.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE $schema$.notes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.notes
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
