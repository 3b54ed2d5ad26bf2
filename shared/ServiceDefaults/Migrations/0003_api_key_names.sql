-- Resolving a key also gives its name, so that services can say who made a change without reading the keys table.
DROP FUNCTION $schema$.resolve_api_key(bytea);
CREATE FUNCTION $schema$.resolve_api_key(hash bytea) RETURNS TABLE (tenant_id text, role text, name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
    AS $$ SELECT k.tenant_id, k.role, coalesce(nullif(k.name, ''), k.prefix) FROM $schema$.api_keys k
          WHERE k.key_hash = hash AND k.revoked_at IS NULL $$;
