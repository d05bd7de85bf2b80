package fi.arki.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads PostgreSQL's catalog and lists every way the schema breaks Arki's tenancy rules (T-01),
 * the runtime role's limits (T-02) and the view/function rules (T-09). Each method returns the
 * violations as sentences; an empty list is a pass. The audits take a connection so that a test
 * can break the schema inside a transaction, show that the audit notices, and roll back.
 */
public final class DatabaseAudit {

    /** The one policy expression every tenant-owned table must use, as PostgreSQL prints it. */
    public static final String TENANT_PREDICATE =
            "(tenant_id = (NULLIF(current_setting('arki.tenant_id'::text, true), ''::text))::uuid)";

    private DatabaseAudit() {
    }

    public static Set<String> platformTableAllowlist() {
        try (InputStream in = DatabaseAudit.class.getResourceAsStream("/db/platform-tables.txt")) {
            Set<String> tables = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> tables.add(l.split("\\s+")[0]));
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** T-01: RLS on every table with tenant_id; composite keys; everything else allowlisted. */
    public static List<String> rowLevelSecurity(Connection c) throws SQLException {
        List<String> violations = new ArrayList<>();
        Set<String> allowlist = platformTableAllowlist();
        Set<String> seenPlatformTables = new LinkedHashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       exists (select 1 from pg_attribute a where a.attrelid = c.oid
                               and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant,
                       (select a.attnotnull from pg_attribute a where a.attrelid = c.oid
                               and a.attname = 'tenant_id' and not a.attisdropped) as tenant_not_null,
                       (select pg_get_indexdef(i.indexrelid, 1, true) from pg_index i
                               where i.indrelid = c.oid and i.indisprimary) as pk_first_column
                from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                order by c.relname""")) {
            while (rs.next()) {
                String table = rs.getString("relname");
                if (!rs.getBoolean("has_tenant")) {
                    seenPlatformTables.add(table);
                    if (!allowlist.contains(table)) {
                        violations.add(table + " has no tenant_id and is not on the platform-table allowlist");
                    }
                    continue;
                }
                if (allowlist.contains(table)) {
                    violations.add(table + " has tenant_id but is on the platform-table allowlist");
                }
                if (!rs.getBoolean("relrowsecurity")) {
                    violations.add(table + " does not enable row level security");
                }
                if (!rs.getBoolean("relforcerowsecurity")) {
                    violations.add(table + " does not force row level security");
                }
                if (!rs.getBoolean("tenant_not_null")) {
                    violations.add(table + ".tenant_id is nullable");
                }
                if (!"tenant_id".equals(rs.getString("pk_first_column"))) {
                    violations.add(table + " has a primary key not led by tenant_id");
                }
                violations.addAll(policies(c, rs.getLong("oid"), table));
            }
        }
        for (String listed : allowlist) {
            if (!seenPlatformTables.contains(listed)) {
                violations.add(listed + " is on the allowlist but is not a platform table in the schema");
            }
        }
        violations.addAll(foreignKeysCarryTheTenant(c));
        return violations;
    }

    private static List<String> policies(Connection c, long oid, String table) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                select polname, polcmd, polpermissive, polroles = '{0}'::oid[] as for_public,
                       pg_get_expr(polqual, polrelid) as using_expr,
                       pg_get_expr(polwithcheck, polrelid) as check_expr
                from pg_policy where polrelid = ?""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                int count = 0;
                while (rs.next()) {
                    count++;
                    String using = rs.getString("using_expr");
                    String check = rs.getString("check_expr");
                    if (!"*".equals(rs.getString("polcmd")) || !rs.getBoolean("polpermissive") || !rs.getBoolean("for_public")) {
                        violations.add(table + " policy " + rs.getString("polname") + " is not a permissive FOR ALL policy for every role");
                    }
                    if (using == null || !using.equals(check)) {
                        violations.add(table + " policy " + rs.getString("polname") + " has USING " + using + " but WITH CHECK " + check);
                    }
                    if (!TENANT_PREDICATE.equals(using)) {
                        violations.add(table + " policy " + rs.getString("polname") + " is not the tenant predicate: " + using);
                    }
                }
                if (count != 1) {
                    violations.add(table + " has " + count + " policies instead of exactly one");
                }
            }
        }
        return violations;
    }

    /** A foreign key between two tenant-owned tables must include tenant_id on both sides. */
    private static List<String> foreignKeysCarryTheTenant(Connection c) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("""
                select con.conname, src.relname as src_table, dst.relname as dst_table,
                       (select array_agg(a.attname::text) from pg_attribute a
                          where a.attrelid = con.conrelid and a.attnum = any(con.conkey)) as src_cols,
                       (select array_agg(a.attname::text) from pg_attribute a
                          where a.attrelid = con.confrelid and a.attnum = any(con.confkey)) as dst_cols,
                       exists (select 1 from pg_attribute a where a.attrelid = con.confrelid
                               and a.attname = 'tenant_id' and not a.attisdropped) as dst_tenant_owned,
                       exists (select 1 from pg_attribute a where a.attrelid = con.conrelid
                               and a.attname = 'tenant_id' and not a.attisdropped) as src_tenant_owned
                from pg_constraint con
                join pg_class src on src.oid = con.conrelid
                join pg_class dst on dst.oid = con.confrelid
                where con.contype = 'f' and src.relnamespace = 'public'::regnamespace""")) {
            while (rs.next()) {
                if (!rs.getBoolean("dst_tenant_owned")) {
                    continue;
                }
                List<String> src = List.of((String[]) rs.getArray("src_cols").getArray());
                List<String> dst = List.of((String[]) rs.getArray("dst_cols").getArray());
                if (!rs.getBoolean("src_tenant_owned")) {
                    violations.add(rs.getString("src_table") + " (a platform table) references tenant-owned "
                            + rs.getString("dst_table") + " through " + rs.getString("conname"));
                } else if (!src.contains("tenant_id") || !dst.contains("tenant_id")) {
                    violations.add(rs.getString("conname") + " from " + rs.getString("src_table") + " to "
                            + rs.getString("dst_table") + " does not include tenant_id: " + src + " -> " + dst);
                }
            }
        }
        return violations;
    }

    /** T-02: what the runtime and backup roles are and are not allowed. */
    public static List<String> roles(Connection c) throws SQLException {
        List<String> violations = new ArrayList<>();
        query(c, violations, "select 'arki_app is superuser, bypasses RLS, or may create roles/databases' "
                + "from pg_roles where rolname = 'arki_app' and (rolsuper or rolbypassrls or rolcreaterole or rolcreatedb or rolreplication)");
        query(c, violations, """
                select 'a role other than arki_backup bypasses RLS: ' || rolname
                from pg_roles where rolbypassrls and not rolsuper and rolname <> 'arki_backup'""");
        query(c, violations, """
                select 'arki_app owns ' || relname from pg_class
                where relowner = 'arki_app'::regrole
                union all select 'arki_app owns function ' || proname from pg_proc where proowner = 'arki_app'::regrole
                union all select 'arki_app owns schema ' || nspname from pg_namespace where nspowner = 'arki_app'::regrole
                union all select 'arki_app owns database ' || datname from pg_database where datdba = 'arki_app'::regrole
                union all select 'arki_app owns type ' || typname from pg_type where typowner = 'arki_app'::regrole""");
        query(c, violations, """
                select 'arki_app may create in schema ' || nspname from pg_namespace
                where has_schema_privilege('arki_app', oid, 'CREATE')
                union all
                select 'arki_app may create schemas in database ' || current_database()
                where has_database_privilege('arki_app', current_database(), 'CREATE')
                union all
                select 'arki_app may create temporary tables in ' || current_database()
                where has_database_privilege('arki_app', current_database(), 'TEMP')""");
        query(c, violations, """
                select 'arki_app has ' || p.priv || ' on ' || c.relname
                from pg_class c cross join (values ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) p(priv)
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
                  and has_table_privilege('arki_app', c.oid, p.priv)""");
        query(c, violations, """
                select 'arki_app is a member of ' || g.rolname
                from pg_auth_members m join pg_roles g on g.oid = m.roleid
                where m.member = 'arki_app'::regrole""");
        query(c, violations, """
                select 'arki_app may touch the migration history (' || p.priv || ')'
                from (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE')) p(priv)
                where to_regclass('public.flyway_schema_history') is not null
                  and has_table_privilege('arki_app', 'public.flyway_schema_history', p.priv)""");
        query(c, violations, """
                select 'migrations were run by ' || installed_by || ', not arki_owner'
                from flyway_schema_history where installed_by <> 'arki_owner' group by installed_by""");
        query(c, violations, """
                select c.relname || ' is owned by ' || pg_get_userbyid(c.relowner) || ', not arki_owner'
                from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S')
                  and c.relowner <> 'arki_owner'::regrole""");
        query(c, violations, """
                select 'arki_backup has ' || p.priv || ' on ' || c.relname
                from pg_class c cross join (values ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE')) p(priv)
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                  and has_table_privilege('arki_backup', c.oid, p.priv)""");
        violations.addAll(platformTablePrivileges(c));
        return violations;
    }

    /**
     * T-29 (T-02 extended to column and row privileges of the platform tables): the runtime role
     * cannot make itself a platform administrator, a member of a tenant, or another user (by
     * setting a password), nor read password hashes; the audit log is append-only and shows a
     * tenant's entries only while that tenant is bound.
     */
    public static List<String> platformTablePrivileges(Connection c) throws SQLException {
        List<String> violations = new ArrayList<>();
        query(c, violations, """
                select 'arki_app has ' || p.priv || ' on user_account.' || col.name
                from (values ('platform_admin'), ('password_hash')) col(name)
                cross join (values ('INSERT'), ('UPDATE')) p(priv)
                where has_column_privilege('arki_app', 'public.user_account', col.name, p.priv)
                union all
                select 'arki_app has SELECT on user_account.password_hash'
                where has_column_privilege('arki_app', 'public.user_account', 'password_hash', 'SELECT')
                union all
                select 'arki_app has ' || p.priv || ' on account_tenant'
                from (values ('INSERT'), ('UPDATE'), ('DELETE')) p(priv)
                where has_table_privilege('arki_app', 'public.account_tenant', p.priv)
                   or case when p.priv = 'DELETE' then false else has_any_column_privilege('arki_app', 'public.account_tenant', p.priv) end
                union all
                select 'arki_app has ' || p.priv || ' on audit_log'
                from (values ('UPDATE'), ('DELETE')) p(priv)
                where has_table_privilege('arki_app', 'public.audit_log', p.priv)
                   or case when p.priv = 'DELETE' then false else has_any_column_privilege('arki_app', 'public.audit_log', p.priv) end
                union all
                select 'audit_log does not force row level security' from pg_class
                where oid = 'public.audit_log'::regclass and not (relrowsecurity and relforcerowsecurity)
                union all
                select 'arki_app may execute ' || p.oid::regprocedure
                from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname = 'arki_grant_platform_admin'
                  and has_function_privilege('arki_app', p.oid, 'EXECUTE')""");
        return violations;
    }

    /**
     * The SECURITY DEFINER functions the runtime role may call, each reviewed: owned by arki_owner
     * (subject to RLS), with a fixed search_path, and each checking in SQL what it can
     * (V85__runtime_role_least_privilege.sql; docs/architecture.md, "Threat model").
     */
    public static final Set<String> REVIEWED_DEFINER_FUNCTIONS = Set.of("arki_add_membership", "arki_remove_membership",
            "arki_remove_all_memberships", "arki_claim_login", "arki_password_hash",
            "arki_set_password", "arki_sync_single_sign_on_account", "arki_audit_log_newest");

    /** T-09: views run as the invoker; no SECURITY DEFINER function owned by a role that skips RLS. */
    public static List<String> viewsAndFunctions(Connection c) throws SQLException {
        List<String> violations = new ArrayList<>();
        query(c, violations, """
                select 'view ' || relname || ' is not security_invoker' from pg_class
                where relnamespace = 'public'::regnamespace and relkind in ('v', 'm')
                  and not coalesce(reloptions @> array['security_invoker=true'], false)""");
        query(c, violations, """
                select 'function ' || p.proname || ' is SECURITY DEFINER owned by ' || r.rolname || ', which skips RLS'
                from pg_proc p join pg_roles r on r.oid = p.proowner
                where p.prosecdef and p.pronamespace = 'public'::regnamespace and (r.rolsuper or r.rolbypassrls)""");
        try (var ps = c.prepareStatement("""
                select 'function ' || p.proname || ' is SECURITY DEFINER and executable by arki_app'
                       || case when p.proname = any(?) then ' but ' || case when p.proowner <> 'arki_owner'::regrole
                                then 'not owned by arki_owner' else 'has no fixed search_path' end
                               else ' and not on the reviewed list' end
                from pg_proc p
                where p.prosecdef and p.pronamespace = 'public'::regnamespace
                  and has_function_privilege('arki_app', p.oid, 'EXECUTE')
                  and not (p.proname = any(?) and p.proowner = 'arki_owner'::regrole
                           and coalesce(array_to_string(p.proconfig, ','), '') like '%search_path=%')""")) {
            var reviewed = c.createArrayOf("text", REVIEWED_DEFINER_FUNCTIONS.toArray());
            ps.setArray(1, reviewed);
            ps.setArray(2, reviewed);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    violations.add(rs.getString(1));
                }
            }
        }
        return violations;
    }

    private static void query(Connection c, List<String> violations, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                violations.add(rs.getString(1));
            }
        }
    }
}
