-- Who may call the platform: API keys for enterprise callers, users for the portal. Keys and passwords are stored
-- hashed only. Tenants manage their own rows (row-level security); sign-in resolves a key or an e-mail across
-- tenants through the two SECURITY DEFINER functions below, which return nothing but what authentication needs.
CREATE TABLE $schema$.api_keys (
    tenant_id text NOT NULL,
    key_hash bytea PRIMARY KEY,
    prefix text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'planner', 'agent', 'viewer')),
    name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX ON $schema$.api_keys (tenant_id);
ALTER TABLE $schema$.api_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.api_keys
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE TABLE $schema$.users (
    tenant_id text NOT NULL,
    email text PRIMARY KEY,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'planner', 'agent', 'viewer')),
    display_name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON $schema$.users (tenant_id);
ALTER TABLE $schema$.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON $schema$.users
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE FUNCTION $schema$.resolve_api_key(hash bytea) RETURNS TABLE (tenant_id text, role text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT k.tenant_id, k.role FROM $schema$.api_keys k WHERE k.key_hash = hash AND k.revoked_at IS NULL $$;

CREATE FUNCTION $schema$.find_user(address text) RETURNS TABLE (tenant_id text, password_hash text, role text, display_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT u.tenant_id, u.password_hash, u.role, u.display_name FROM $schema$.users u WHERE u.email = lower(address) $$;
