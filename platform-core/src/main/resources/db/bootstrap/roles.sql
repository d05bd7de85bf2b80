-- Arki's three database roles. Run once per PostgreSQL cluster by a superuser (the embedded
-- default does it at start-up; for an external PostgreSQL a DBA runs it, then sets passwords):
--   psql -v ON_ERROR_STOP=1 -f roles.sql && createdb -O arki_owner arki
--
-- arki_owner  runs the Flyway migrations and owns every table; subject to RLS through FORCE.
-- arki_app    the runtime role: no superuser, no BYPASSRLS, owns nothing, creates nothing.
-- arki_backup read-only, bypasses RLS so that pg_dump sees every tenant.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'arki_owner') THEN
        CREATE ROLE arki_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'arki_app') THEN
        CREATE ROLE arki_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'arki_backup') THEN
        CREATE ROLE arki_backup LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS NOREPLICATION NOINHERIT;
    END IF;
END
$$;
