-- Tenants change: they are renamed (the id stays) and merged. A merged tenant stays in the
-- catalogue, marked with the tenant it became, so that history (the audit log, old links) still
-- names something real; it has no rows left in any tenant-owned table.
ALTER TABLE tenant ADD COLUMN merged_into uuid REFERENCES tenant (id);
ALTER TABLE tenant ADD COLUMN merged_at timestamptz;
ALTER TABLE tenant ADD CONSTRAINT tenant_merge_complete CHECK ((merged_into IS NULL) = (merged_at IS NULL));
ALTER TABLE tenant ADD CONSTRAINT tenant_not_merged_into_itself CHECK (merged_into <> id);

-- Keycloak organizations that act as tenants, by organization id (an alias can be renamed or
-- reused; the id cannot). A tenant may have several: after a merge, the organizations of the
-- merged tenants lead to the tenant they became. Platform table (allowlisted): read at sign-in,
-- before any tenant is bound.
CREATE TABLE tenant_organization (
    organization_id  text        PRIMARY KEY CHECK (organization_id ~ '^[A-Za-z0-9-]{1,64}$'),
    linked_tenant_id uuid        NOT NULL REFERENCES tenant (id),
    linked_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_organization_tenant_idx ON tenant_organization (linked_tenant_id);

-- Local accounts an administrator creates get a first password the user must change.
ALTER TABLE user_account ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
ALTER TABLE user_account ADD COLUMN last_login_at timestamptz;

-- The audit log: who did what, where, to what, with which outcome (T-24). Append-only: the
-- runtime role may add and read entries but never change or remove them, and a trigger stops
-- anyone else doing so by accident (a DBA purging old entries disables it on purpose).
-- A platform table (allowlisted): failed sign-ins have no tenant, and entries must outlive the
-- tenants they name (merges, deletions), so tenant_id-based RLS would either hide or lose them;
-- the application reads a tenant's entries by filtering on audit_tenant_id.
CREATE TABLE audit_log (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor            text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 300),
    actor_account_id uuid,
    audit_tenant_id  uuid,
    action           text        NOT NULL CHECK (action ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$'),
    object_type      text        CHECK (length(object_type) <= 100),
    object_id        text        CHECK (length(object_id) <= 300),
    outcome          text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    detail           jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX audit_log_tenant_idx ON audit_log (audit_tenant_id, occurred_at);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM arki_app;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
REVOKE EXECUTE ON FUNCTION audit_log_is_append_only() FROM PUBLIC;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
