package fi.arki;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.directory.Role;
import fi.arki.identity.ActingUser;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantRestore;
import fi.arki.testing.Actors;
import fi.arki.testing.TestDatabase;
import fi.arki.ui.UiIntegrationTest;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * T-03: cross-tenant reads through every public method of every {@code …Management} service, every
 * repository ({@code @Repository}) and the other read APIs
 * ({@link #OTHER_READ_APIS}). Tenant B is seeded through the services with one of everything, its
 * texts carrying a marker and its ids recorded ({@link CrossTenantSeed}); then every method is
 * called as tenant A's administrator (A bound, A's user signed in), with B's ids and texts where
 * it takes any ({@link CrossTenantCases}). No result and no error may carry B's marker or any of
 * B's ids; a lookup of B's ids finds nothing or fails as not found; and after each call that is
 * allowed to commit, every row of B (its tenant-owned tables and what the platform tables hold of
 * it) is exactly as before.
 *
 * <p>The methods are found by reflection, so a new public method fails
 * {@link #every_public_method_has_a_case()} until the table says how to call it as tenant A; and a
 * new class that holds a connection to the database without being one of these fails
 * {@link #every_class_that_reaches_the_database_has_cases_or_a_reason()}.
 */
@UiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossTenantReadsIntegrationTests {

    /** Public read APIs besides the services and repositories. */
    static final Set<String> OTHER_READ_APIS = Set.of("StoredDeckCatalog", "LiveStates");

    @Autowired ApplicationContext context;
    @Autowired PlatformTransactionManager transactions;

    CrossTenantSeed a;
    CrossTenantSeed b;
    CrossTenantCases cases;

    @BeforeAll
    void seed() {
        String salt = UUID.randomUUID().toString().substring(0, 6);
        b = CrossTenantSeed.rich(context, "zqb" + salt);
        a = CrossTenantSeed.plain(context, "yqa" + salt);
        cases = new CrossTenantCases(context, a, b);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void every_public_method_has_a_case() {
        Set<String> methods = publicMethods().keySet();
        Set<String> listed = cases.all().keySet();
        assertThat(new TreeSet<>(methods.stream().filter(m -> !listed.contains(m)).toList()))
                .as("public methods without a cross-tenant case: add each to CrossTenantCases").isEmpty();
        assertThat(new TreeSet<>(listed.stream().filter(m -> !methods.contains(m)).toList()))
                .as("cases of methods that no longer exist").isEmpty();
    }

    /** A platform table's case names the service cases that keep B's rows from A: they exist, and are real checks, not platform tables. */
    @Test
    void every_platform_table_case_names_the_cases_that_guard_it() {
        Map<String, CrossTenantCases.Case> all = cases.all();
        List<String> wrong = new ArrayList<>();
        all.values().stream().filter(c -> c.outcome() instanceof CrossTenantCases.ByDesign).forEach(c -> {
            CrossTenantCases.ByDesign design = (CrossTenantCases.ByDesign) c.outcome();
            if (design.guards().isEmpty()) {
                wrong.add(c.key() + " names no guard");
            }
            for (String guard : design.guards()) {
                CrossTenantCases.Case g = all.get(guard);
                if (g == null || g.outcome() instanceof CrossTenantCases.ByDesign) {
                    wrong.add(c.key() + " is guarded by " + guard + ", which is " + (g == null ? "no case" : "a platform table itself"));
                }
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(CrossTenantCases.GUARDS.keySet()).as("guards of platform-table methods that have no such case")
                .allMatch(k -> all.get(k) != null && all.get(k).outcome() instanceof CrossTenantCases.ByDesign);
        assertThat(CrossTenantCases.READS_ACROSS).allMatch(CrossTenantCases.GUARDS::containsKey);
    }

    /**
     * Every other class of ours that holds a connection to the database, and why tenant A cannot
     * reach tenant B's rows through it. A new one fails
     * {@link #every_class_that_reaches_the_database_has_cases_or_a_reason()} until it is a
     * repository (and so gets cases) or is listed here.
     */
    static final String DATA_PARTICIPANT = "a TenantDataParticipant: it is called only with a TenantExport, TenantRestore or TenantDeletion,"
            + " within that one's asTenant (the transaction bound to its tenant), and only TenantManagement makes them: #beginOwnExport for the caller's own tenant (its export,"
            + " every participant's tables unzipped, is checked free of B's texts and ids in the case TenantExportManagement#exportOwnTenant,"
            + " and a platform administrator's export of A in a_platform_administrators_export_of_a_holds_nothing_of_b), #beginExport,"
            + " #beginRestore and #beginDeletion for platform administrators only (refused to A in their cases).";

    static final Map<String, String> DATABASE_CLASSES_WITHOUT_CASES = Map.ofEntries(
            Map.entry("DirectoryMerge", "a TenantMergeParticipant: it acts only on a TenantMerge, which only TenantManagement#beginMerge makes"
                    + " (platform administrators; refused to A in its case)"),
            Map.entry("SessionMerge", "a TenantMergeParticipant, as DirectoryMerge"),
            Map.entry("DeckData", DATA_PARTICIPANT),
            Map.entry("DirectoryData", DATA_PARTICIPANT + " Its platform rows (the account → tenant index) it deletes by the deletion's tenant"
                    + " only."),
            Map.entry("FollowupData", DATA_PARTICIPANT),
            Map.entry("SessionData", DATA_PARTICIPANT + " Its platform rows (join codes) it deletes by the deletion's tenant only."),
            Map.entry("TenancyData", DATA_PARTICIPANT),
            Map.entry("AuditData", DATA_PARTICIPANT + " The audit log has no row level security: it exports the entries of the export's"
                    + " own tenant (shown by the same cases), and neither restores nor deletes any."),
            Map.entry("FollowupMerge", "a TenantMergeParticipant, as DirectoryMerge"),
            Map.entry("CrossNodeNotifier", "a lifecycle only: it sends and receives session ids between nodes, no public reads"),
            Map.entry("DurabilityGuard", "a start-up check of the server's settings; reads no rows"),
            Map.entry("PlatformAdminGrants", "grants the platform-administrator flag of a local account by user name as the owner role,"
                    + " for Arki itself only (PlatformAdministrators, the demo seeding; refused to anyone signed in); reads no rows"),
            Map.entry("TenantBindingTransactionManager", "binds the tenant to each transaction (T-07); reads no rows"),
            Map.entry("TransactionRebinding", "rebinds the tenant of a running transaction (T-08); reads no rows"));

    @Test
    void every_class_that_reaches_the_database_has_cases_or_a_reason() {
        Set<String> found = new TreeSet<>();
        for (Object bean : context.getBeansOfType(Object.class, false, false).values()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            if (type.getName().startsWith("fi.arki.") && !covered(type) && reachesTheDatabase(type)) {
                found.add(type.getSimpleName());
            }
        }
        assertThat(found.stream().filter(t -> !DATABASE_CLASSES_WITHOUT_CASES.containsKey(t)).toList())
                .as("classes that hold a connection to the database but have no cases: make them a repository or give the reason").isEmpty();
        assertThat(DATABASE_CLASSES_WITHOUT_CASES.keySet().stream().filter(t -> !found.contains(t)).toList())
                .as("reasons for classes that no longer reach the database").isEmpty();
        assertThat(TenantMerge.class.getConstructors()).as("a TenantMerge is made only by TenantManagement#beginMerge").isEmpty();
        assertThat(TenantExport.class.getConstructors()).as("a TenantExport is made only by TenantManagement#beginExport, #beginOwnExport").isEmpty();
        assertThat(TenantRestore.class.getConstructors()).as("a TenantRestore is made only by TenantManagement#beginRestore").isEmpty();
        assertThat(TenantDeletion.class.getConstructors()).as("a TenantDeletion is made only by TenantManagement#beginDeletion").isEmpty();
    }

    private static boolean reachesTheDatabase(Class<?> type) {
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                Class<?> f = field.getType();
                if (DSLContext.class.isAssignableFrom(f) || DataSource.class.isAssignableFrom(f) || JdbcOperations.class.isAssignableFrom(f)
                        || JdbcClient.class.isAssignableFrom(f) || Connection.class.isAssignableFrom(f)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void nothing_of_tenant_b_reaches_tenant_a_through_any_method() throws SQLException {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (CrossTenantCases.Case c : cases.all().values()) {
            String before = c.rollback() ? null : snapshotOfB();
            Object result = null;
            Throwable error = null;
            try {
                result = callAsTenantA(c);
            } catch (Throwable t) {
                error = t instanceof InvocationTargetException ite ? ite.getCause() : t;
            }
            Optional<String> wrong = c.outcome().check(result, error);
            wrong.ifPresent(w -> failures.add(c.key() + ": " + w));
            if (!(c.outcome() instanceof CrossTenantCases.ByDesign)) {
                leak(c, render(result) + " " + render(error)).ifPresent(l -> failures.add(c.key() + ": " + l));
            }
            if (before != null && !before.equals(snapshotOfB())) {
                failures.add(c.key() + ": changed tenant B's rows");
            }
            outcomes.merge(c.outcome().name(), 1, Integer::sum);
        }
        assertThat(failures).as("cases that broke isolation or did not do what the table says").isEmpty();
        assertThat(outcomes).as("every kind of outcome occurs").containsKeys("empty", "not found", "refused", "returns", "refused by the database", "platform table");
    }

    /**
     * A platform administrator exports the tenant they name and no other: the export of A, every
     * file unzipped, holds A's rows and nothing of B (the {@code …Data} participants' reads, for the
     * tenant passed in rather than the caller's own).
     */
    @Test
    void a_platform_administrators_export_of_a_holds_nothing_of_b() throws SQLException {
        String before = snapshotOfB();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Actors.signInAsPlatformAdmin();
        try {
            context.getBean(fi.arki.admin.TenantExportManagement.class).exportTenant(a.tenant, out);
        } finally {
            Actors.signOut();
        }
        String export = CrossTenantCases.unzipped(out.toByteArray());
        assertThat(export).contains(a.text("Admin"), a.marker + "-inessive", "tables/person.json", "tables/tenant_settings.json");
        assertThat(leak(null, export)).as("B's texts or ids in A's export").isEmpty();
        assertThat(snapshotOfB()).as("B's rows after A's export").isEqualTo(before);
    }

    /** The call as tenant A's administrator: A bound, A's user signed in, in a transaction (rolled back where the case says). */
    private Object callAsTenantA(CrossTenantCases.Case c) throws Exception {
        Actors.signIn(new ActingUser(a.adminAccount, a.text("Admin"), false, a.tenant, a.text("Tenant"),
                List.of(Role.MEMBER, Role.FACILITATOR, Role.TENANT_ADMIN)));
        try {
            return TenantContext.callAs(a.tenant, () -> {
                TransactionTemplate tx = new TransactionTemplate(transactions);
                Object[] out = new Object[1];
                Exception[] thrown = new Exception[1];
                tx.executeWithoutResult(status -> {
                    if (c.rollback()) {
                        status.setRollbackOnly();
                    }
                    try {
                        out[0] = c.call().run();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        thrown[0] = e;
                        status.setRollbackOnly();
                    }
                });
                if (thrown[0] != null) {
                    throw thrown[0];
                }
                return out[0];
            });
        } finally {
            Actors.signOut();
        }
    }

    private Optional<String> leak(CrossTenantCases.Case c, String text) {
        String seen = text;
        for (String allowed : c == null ? Set.<String>of() : c.allowed()) {
            seen = seen.replace(allowed, "<allowed>");
        }
        String lower = seen.toLowerCase(Locale.ROOT);
        if (lower.contains(b.marker.toLowerCase(Locale.ROOT))) {
            return Optional.of("B's text in " + clip(seen));
        }
        String finalSeen = seen;
        return b.ids.stream().filter(finalSeen::contains).findFirst().map(id -> "B's id " + id + " in " + clip(finalSeen));
    }

    private static String clip(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Throwable t) {
            StringBuilder all = new StringBuilder();
            for (Throwable at = t; at != null; at = at.getCause()) {
                all.append(at.getClass().getName()).append(": ").append(at.getMessage()).append(" / ");
            }
            return all.toString();
        }
        return String.valueOf(value);
    }

    // ---- tenant B's rows, as the superuser sees them ---------------------------------------

    private List<String[]> tablesOfB;

    /** A digest of every row that belongs to B: its tenant-owned tables, and what the platform tables hold of it. */
    String snapshotOfB() throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            if (tablesOfB == null) {
                tablesOfB = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'public' and data_type = 'uuid'
                          and column_name in ('tenant_id', 'session_tenant_id', 'member_of_tenant_id')
                        order by table_name, column_name""")) {
                    while (rs.next()) {
                        tablesOfB.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                tablesOfB.add(new String[] {"tenant", "id"});
            }
            StringBuilder digest = new StringBuilder();
            for (String[] t : tablesOfB) {
                digest.append(t[0]).append('=').append(digest(c, "select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "
                        + t[0] + " x where " + t[1] + " = ?", b.tenant.value())).append(';');
            }
            digest.append("user_account=").append(digest(c, "select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) "
                    + "from user_account x where id = any(?)", List.of(b.adminAccount.value(), b.memberAccount.value())));
            return digest.toString();
        }
    }

    private static String digest(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter instanceof Collection<?> ids) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            } else {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    // ---- the methods ------------------------------------------------------------------------

    /** Every public method of the services, repositories and other read APIs, by {@code Class#method(Params)}. */
    Map<String, Method> publicMethods() {
        Map<String, Method> methods = new TreeMap<>();
        for (Object bean : context.getBeansOfType(Object.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("fi.arki.") || !covered(type)) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    methods.put(CrossTenantCases.key(type, m.getName(), m.getParameterTypes()), m);
                }
            }
        }
        return methods;
    }

    private static boolean covered(Class<?> type) {
        // by name and stereotype alone, so that a service or repository is never left out for where it lives
        boolean service = type.getSimpleName().endsWith("Management");
        boolean repository = type.isAnnotationPresent(Repository.class);
        return service || repository || OTHER_READ_APIS.contains(type.getSimpleName());
    }

    static String names(Class<?>... types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(";"));
    }
}
