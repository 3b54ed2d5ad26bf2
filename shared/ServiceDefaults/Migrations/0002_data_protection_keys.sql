-- ASP.NET data-protection keys shared by every portal replica, so a session cookie made by one pod opens on another.
-- Not tenant data: the keys protect every tenant's sessions alike, so no row-level security.
CREATE TABLE $schema$.data_protection_keys (
    name text PRIMARY KEY,
    xml text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
