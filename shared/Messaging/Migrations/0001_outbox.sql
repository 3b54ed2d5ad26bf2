-- Events written in the same transaction as the state change they announce; the relay publishes and deletes them.
CREATE TABLE $schema$.outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id text NOT NULL,
    topic text NOT NULL,
    message_key text NOT NULL,
    event_type text NOT NULL,
    envelope bytea NOT NULL
);
ALTER TABLE $schema$.outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE $schema$.outbox FORCE ROW LEVEL SECURITY;
-- Written per tenant; read and deleted across tenants by the relay, whose transaction sets app.outbox_relay.
CREATE POLICY tenant_isolation ON $schema$.outbox
    USING (tenant_id = current_setting('app.tenant_id', true) OR current_setting('app.outbox_relay', true) = 'on')
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
