-- Platform catalogue: the tenants themselves (no RLS; on the platform-table allowlist).
CREATE TABLE tenant (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Platform accounts: who can sign in, before any tenant is known (no RLS; allowlisted).
-- Local accounts use issuer 'local' and the user name as subject; single sign-on uses the
-- token's issuer and subject.
CREATE TABLE user_account (
    id               uuid        PRIMARY KEY,
    issuer           text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject          text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    display_name     text        NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    email            text        CHECK (length(email) <= 320),
    password_hash    text,
    platform_admin   boolean     NOT NULL DEFAULT false,
    preferred_locale text        CHECK (preferred_locale IN ('fi', 'sv', 'en')),
    failed_logins    integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer, subject),
    CHECK (issuer <> 'local' OR subject = lower(subject))
);

-- Which tenants an account may act in: read at sign-in, before a tenant is bound (allowlisted).
-- It holds ids only; the person, their roles and teams stay behind RLS. The column is not called
-- tenant_id because every table with a tenant_id column is tenant-owned and under RLS.
CREATE TABLE account_tenant (
    account_id          uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    member_of_tenant_id uuid NOT NULL REFERENCES tenant (id),
    PRIMARY KEY (account_id, member_of_tenant_id)
);
CREATE INDEX account_tenant_tenant_idx ON account_tenant (member_of_tenant_id);

-- Tenant-owned: units (vastuualue) and teams.
CREATE TABLE unit (
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
CALL arki_isolate_by_tenant('unit');

CREATE TABLE team (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    unit_id     uuid        NOT NULL,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
    UNIQUE (tenant_id, unit_id, name)
);
CALL arki_isolate_by_tenant('team');

-- A person in a tenant; linked to a platform account when they can sign in.
CREATE TABLE person (
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    id            uuid        NOT NULL,
    account_id    uuid        REFERENCES user_account (id),
    display_name  text        NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    email         text        CHECK (length(email) <= 320),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, account_id)
);
CALL arki_isolate_by_tenant('person');

-- Roles are per tenant; platform-admin is the only global role and lives on user_account.
CREATE TABLE person_role (
    tenant_id   uuid NOT NULL,
    person_id   uuid NOT NULL,
    role        text NOT NULL CHECK (role IN ('tenant-admin', 'facilitator', 'member')),
    PRIMARY KEY (tenant_id, person_id, role),
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id) ON DELETE CASCADE
);
CALL arki_isolate_by_tenant('person_role');

CREATE TABLE team_member (
    tenant_id   uuid    NOT NULL,
    team_id     uuid    NOT NULL,
    person_id   uuid    NOT NULL,
    supervisor  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, team_id, person_id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX team_member_person_idx ON team_member (tenant_id, person_id);
CALL arki_isolate_by_tenant('team_member');
