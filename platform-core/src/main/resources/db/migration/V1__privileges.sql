-- Who may do what. Tables created by arki_owner from here on grant row access (never TRUNCATE,
-- REFERENCES or TRIGGER) to the runtime role, and read access to the backup role.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO arki_app, arki_backup;

ALTER DEFAULT PRIVILEGES FOR ROLE arki_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO arki_app;
ALTER DEFAULT PRIVILEGES FOR ROLE arki_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO arki_app;
ALTER DEFAULT PRIVILEGES FOR ROLE arki_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO arki_backup;
ALTER DEFAULT PRIVILEGES FOR ROLE arki_owner IN SCHEMA public
    GRANT SELECT ON SEQUENCES TO arki_backup;
ALTER DEFAULT PRIVILEGES FOR ROLE arki_owner IN SCHEMA public
    REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Every tenant-owned table calls this once: RLS enabled and forced (so that the owner obeys it
-- too) and one policy whose USING and WITH CHECK are the same. current_setting returns '' rather
-- than NULL once the setting has been used in a session, hence NULLIF: no tenant bound, no rows.
CREATE PROCEDURE arki_isolate_by_tenant(tbl regclass)
LANGUAGE plpgsql SECURITY INVOKER AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %s AS PERMISSIVE FOR ALL
        USING (tenant_id = NULLIF(current_setting('arki.tenant_id', true), '')::uuid)
        WITH CHECK (tenant_id = NULLIF(current_setting('arki.tenant_id', true), '')::uuid)$p$, tbl);
END
$$;
REVOKE EXECUTE ON PROCEDURE arki_isolate_by_tenant(regclass) FROM PUBLIC;
