CREATE TABLE $schema$.notes (
    tenant_id text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    body text NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
SELECT platform.enable_tenant_isolation('$schema$.notes');
