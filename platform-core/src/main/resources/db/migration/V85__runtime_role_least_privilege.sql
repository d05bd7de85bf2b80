-- T-29: the runtime role (arki_app) can no longer make itself a platform administrator, a member
-- of a tenant of its choosing, or read password hashes in bulk. The platform tables it must write
-- are written through the narrow functions below (SECURITY DEFINER, owned by arki_owner, which
-- does not bypass row level security: T-09), each checking in SQL what it can. docs/architecture.md
-- ("Threat model") says what this defends against and what it does not.

-- ---- user_account: column privileges ------------------------------------------------------------
-- Readable: everything but the password hash. Insertable: an account without a hash and without
-- the platform-administrator flag. Updatable: the profile and the sign-in bookkeeping (a lock is
-- no privilege: an administrator may lift it anyway). Hash, flag and password_change_required go
-- through functions.
REVOKE ALL ON user_account FROM arki_app;
GRANT SELECT (id, issuer, subject, display_name, email, platform_admin, preferred_locale, failed_logins, locked_until,
              created_at, password_change_required, last_login_at) ON user_account TO arki_app;
GRANT INSERT (id, issuer, subject, display_name, email, preferred_locale, password_change_required) ON user_account TO arki_app;
GRANT UPDATE (display_name, email, preferred_locale, failed_logins, locked_until, last_login_at) ON user_account TO arki_app;
GRANT DELETE ON user_account TO arki_app;

-- ---- account_tenant: read only; memberships change through functions for the bound tenant -------
REVOKE INSERT, UPDATE, DELETE ON account_tenant FROM arki_app;

-- The tenant bound to the transaction (arki.tenant_id), or an error: every membership function
-- acts on that tenant only, never on one named by an argument.
CREATE FUNCTION arki_bound_tenant() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = pg_catalog, public AS $$
DECLARE
    bound uuid := NULLIF(current_setting('arki.tenant_id', true), '')::uuid;
BEGIN
    IF bound IS NULL THEN
        RAISE EXCEPTION 'no tenant is bound' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN bound;
END
$$;

-- An account becomes a member of the bound tenant; only an account that a person of that tenant
-- already stands for (person is under RLS, so only the bound tenant's people are seen).
CREATE FUNCTION arki_add_membership(p_account uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    tenant uuid := arki_bound_tenant();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM person WHERE tenant_id = tenant AND account_id = p_account) THEN
        RAISE EXCEPTION 'the account is no person of the bound tenant' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO account_tenant (account_id, member_of_tenant_id) VALUES (p_account, tenant) ON CONFLICT DO NOTHING;
    RETURN FOUND;
END
$$;

-- An account leaves the bound tenant, once no person of it stands for the account any more.
CREATE FUNCTION arki_remove_membership(p_account uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    tenant uuid := arki_bound_tenant();
BEGIN
    IF EXISTS (SELECT 1 FROM person WHERE tenant_id = tenant AND account_id = p_account) THEN
        RAISE EXCEPTION 'a person of the bound tenant still stands for the account' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM account_tenant WHERE account_id = p_account AND member_of_tenant_id = tenant;
    RETURN FOUND;
END
$$;

-- Every membership of the bound tenant ends (its deletion, or the source of a merge), once the
-- tenant has no people left. Returns the accounts that were members.
CREATE FUNCTION arki_remove_all_memberships() RETURNS SETOF uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    tenant uuid := arki_bound_tenant();
    gone uuid;
BEGIN
    IF EXISTS (SELECT 1 FROM person WHERE tenant_id = tenant) THEN
        RAISE EXCEPTION 'the bound tenant still has people' USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR gone IN DELETE FROM account_tenant WHERE member_of_tenant_id = tenant RETURNING account_id LOOP
        RETURN NEXT gone;
    END LOOP;
END
$$;

-- ---- the login path ---------------------------------------------------------------------------
-- Claims one sign-in attempt, atomically (identity.internal.LocalLogins): counts it as a failure
-- before the password is checked and returns nothing while the account is locked; the attempt that
-- reaches p_max_failures locks the account itself, so concurrent attempts queue on the row and find
-- it locked: however many arrive at once, at most p_max_failures get a hash to check. An expired
-- lock starts the count again. The only way the runtime role reads a hash by user name, and it
-- costs the caller one counted failure, which a right password then clears (a plain UPDATE of
-- failed_logins, locked_until and last_login_at, which the runtime role may do).
CREATE FUNCTION arki_claim_login(p_username text, p_max_failures integer, p_lock_seconds double precision)
RETURNS TABLE (id uuid, issuer text, subject text, display_name text, email text, platform_admin boolean,
               preferred_locale text, password_hash text, failed_logins integer)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    UPDATE user_account u
       SET failed_logins = CASE WHEN u.locked_until <= now() THEN 1 ELSE u.failed_logins + 1 END,
           locked_until  = CASE WHEN (CASE WHEN u.locked_until <= now() THEN 1 ELSE u.failed_logins + 1 END) >= p_max_failures
                                THEN now() + make_interval(secs => p_lock_seconds) END
     WHERE u.issuer = 'local' AND u.subject = p_username AND u.password_hash IS NOT NULL
       AND (u.locked_until IS NULL OR u.locked_until <= now())
    RETURNING u.id, u.issuer, u.subject, u.display_name, u.email, u.platform_admin, u.preferred_locale,
              u.password_hash, u.failed_logins
$$;

-- The hash of one local account, by id: for a signed-in user proving their current password.
CREATE FUNCTION arki_password_hash(p_account uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT password_hash FROM user_account WHERE issuer = 'local' AND id = p_account
$$;

-- ---- passwords and the platform-administrator flag -------------------------------------------
-- A local account's password hash. Never a platform administrator's (whoever could set it could
-- sign in as one: an operator changes it as arki_owner). A first password (p_change_required, set
-- by a tenant administrator) only for an account that a person of the bound tenant stands for.
CREATE FUNCTION arki_set_password(p_account uuid, p_hash text, p_change_required boolean) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    admin boolean;
BEGIN
    SELECT platform_admin INTO admin FROM user_account WHERE id = p_account AND issuer = 'local';
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF admin THEN
        RAISE EXCEPTION 'a platform administrator''s password is not set by the application' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_change_required THEN
        IF NOT EXISTS (SELECT 1 FROM person WHERE tenant_id = arki_bound_tenant() AND account_id = p_account) THEN
            RAISE EXCEPTION 'the account is no person of the bound tenant' USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF p_hash IS NULL OR length(p_hash) NOT BETWEEN 20 AND 500 THEN
        RAISE EXCEPTION 'not a password hash' USING ERRCODE = 'check_violation';
    END IF;
    UPDATE user_account SET password_hash = p_hash, password_change_required = p_change_required WHERE id = p_account;
    RETURN true;
END
$$;

-- A single sign-on account kept in step with its identity provider, whose token is the authority
-- for its platform-administrator role at every sign-in. Never a local account: a local account's
-- flag is granted by arki_owner only (arki_grant_platform_admin).
CREATE FUNCTION arki_sync_single_sign_on_account(p_account uuid, p_display_name text, p_email text, p_platform_admin boolean)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    UPDATE user_account SET display_name = p_display_name, email = p_email, platform_admin = p_platform_admin,
                            last_login_at = now()
    WHERE id = p_account AND issuer <> 'local';
    RETURN FOUND;
END
$$;

-- Makes a local account a platform administrator. Not executable by the runtime role: the demo
-- seeding calls it through the migration role's connection, an operator with psql.
CREATE FUNCTION arki_grant_platform_admin(p_username text) RETURNS boolean
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, public AS $$
BEGIN
    UPDATE user_account SET platform_admin = true WHERE issuer = 'local' AND subject = p_username;
    RETURN FOUND;
END
$$;

-- ---- audit_log: a tenant's entries only to that tenant's binding ----------------------------
-- Anyone may append (failed sign-ins have no tenant). Reading without a tenant bound shows
-- nothing; the platform administrator's whole-log view goes through arki_audit_log_newest.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_append ON audit_log AS PERMISSIVE FOR INSERT WITH CHECK (true);
CREATE POLICY audit_log_read ON audit_log AS PERMISSIVE FOR SELECT
    USING (audit_tenant_id = NULLIF(current_setting('arki.tenant_id', true), '')::uuid);
-- The owner sees every entry (the whole-log function below runs as the owner), and its attempts to
-- change one still reach the append-only trigger instead of silently matching no row.
CREATE POLICY audit_log_owner ON audit_log AS PERMISSIVE FOR ALL TO arki_owner USING (true) WITH CHECK (true);

-- The newest entries of the whole log (every tenant's and those of none), for the platform
-- administrator's view; the service allows it to platform administrators only.
CREATE FUNCTION arki_audit_log_newest(p_limit integer) RETURNS SETOF audit_log
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT * FROM audit_log ORDER BY id DESC LIMIT least(greatest(p_limit, 1), 1000)
$$;

REVOKE EXECUTE ON FUNCTION arki_bound_tenant(), arki_add_membership(uuid), arki_remove_membership(uuid),
    arki_remove_all_memberships(), arki_claim_login(text, integer, double precision), arki_password_hash(uuid),
    arki_set_password(uuid, text, boolean), arki_sync_single_sign_on_account(uuid, text, text, boolean),
    arki_grant_platform_admin(text), arki_audit_log_newest(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION arki_bound_tenant(), arki_add_membership(uuid), arki_remove_membership(uuid),
    arki_remove_all_memberships(), arki_claim_login(text, integer, double precision), arki_password_hash(uuid),
    arki_set_password(uuid, text, boolean), arki_sync_single_sign_on_account(uuid, text, text, boolean),
    arki_audit_log_newest(integer) TO arki_app;
