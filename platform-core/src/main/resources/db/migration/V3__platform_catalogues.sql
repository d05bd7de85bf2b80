-- Platform deck catalogue: every deck version the platform knows, code or content (no RLS;
-- allowlisted). Tenant-specific decks and per-tenant enablement live in tenant-owned tables.
CREATE TABLE platform_deck (
    deck_id      text        NOT NULL CHECK (deck_id ~ '^[a-z][a-z0-9-]{0,62}$'),
    version      text        NOT NULL CHECK (version ~ '^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$'),
    source       text        NOT NULL CHECK (source IN ('code', 'package')),
    manifest     jsonb       NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (deck_id, version)
);

-- Join codes resolve a short code to a session before the joiner's tenant is known (no RLS;
-- allowlisted). The code says nothing about the session beyond its ids; the column is not called
-- tenant_id because every table with a tenant_id column is tenant-owned and under RLS.
CREATE TABLE join_code (
    code        text        PRIMARY KEY CHECK (code ~ '^[0-9A-Z]{6,12}$'),
    session_tenant_id uuid        NOT NULL REFERENCES tenant (id),
    session_id        uuid        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    UNIQUE (session_tenant_id, session_id)
);
