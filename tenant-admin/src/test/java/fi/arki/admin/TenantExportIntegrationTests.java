package fi.arki.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditManagement;
import fi.arki.directory.Role;
import fi.arki.session.LiveState;
import fi.arki.session.SessionManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * T-23, export: a tenant with something in every table exports to a zip of one JSON file per table
 * with a manifest; restored as a new tenant and exported again, every table file and the accounts
 * are byte for byte the same — the new tenant's id, short name and name, the export's time and the
 * audit log (a record of each installation's own events, not restored) being the only differences.
 * Anonymous sessions export no person for any participant. A file that is not an export of this
 * version, or that the database refuses, restores nothing.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class TenantExportIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApplicationContext context;
    @Autowired TenantExportManagement exports;
    @Autowired TenantManagement tenants;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired AuditManagement audit;
    @TempDir Path files;

    FullTenant full;

    @BeforeEach
    void seed() {
        full = FullTenant.seed(context);
        Actors.signInAsPlatformAdmin();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void an_export_restored_as_a_new_tenant_exports_the_same_again() throws IOException {
        byte[] first = export(full.tenant().id());
        Map<String, byte[]> a = unzip(first);
        assertThat(a.keySet()).contains("manifest.json", "accounts.json", "tables/unit.json", "tables/person.json",
                "tables/tenant_settings.json", "tables/tenant_deck.json", "tables/tenant_deck_image.json", "tables/deck_enablement.json",
                "tables/deck_setting.json", "tables/live_session.json", "tables/answer.json", "tables/touchpoint.json",
                "tables/development_target.json", "tables/target_review.json", "tables/idea.json", "tables/audit_log.json");
        assertThat(text(a, "tables/answer.json")).contains(full.marker());
        // the team each participant spoke for (the tenant's deck attributes answers to teams) is data, and round-trips
        assertThat(JSON.readTree(a.get("tables/participant.json")).valueStream())
                .isNotEmpty().allSatisfy(p -> assertThat(p.path("team_id").asString()).isEqualTo(full.org().team().id().toString()));
        assertThat(a.entrySet()).filteredOn(e -> e.getKey().startsWith("tables/") && !e.getKey().equals("tables/audit_log.json"))
                .allSatisfy(e -> assertThat(text(a, e.getKey()))
                .doesNotContain("\"tenant_id\"", "\"secret_hash\"", full.tenant().id().toString()));
        assertThat(List.of("live_session", "participant", "answer", "vote", "rating", "touchpoint")).allSatisfy(table ->
                assertThat(text(a, "tables/" + table + ".json")).as("change stamps are not data").doesNotContain("\"version\""));

        Path file = files.resolve("export.zip");
        Files.write(file, first);
        String slug = "restored-" + UUID.randomUUID().toString().substring(0, 8);
        ImportReport report = exports.importTenant(file, slug, "Palautettu " + slug);
        assertThat(report.restoredRows()).containsEntry("answer", 12).containsEntry("person", 4).containsEntry("tenant_deck_image", 1);

        Map<String, byte[]> b = unzip(export(report.tenant().id()));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (String name : a.keySet()) {
            if (name.startsWith("tables/") && !name.equals("tables/audit_log.json") || name.equals("accounts.json")) {
                assertThat(text(b, name)).as(name).isEqualTo(text(a, name));
            }
        }
        assertThat(comparable(b)).isEqualTo(comparable(a));
        JsonNode tenant = JSON.readTree(b.get("manifest.json")).path("tenant");
        assertThat(tenant.path("id").asString()).isEqualTo(report.tenant().id().toString());
        assertThat(tenant.path("slug").asString()).isEqualTo(slug);

        // the restored tenant works: its sessions read as they were, its running session can be joined again
        LiveState restored = TenantContext.callAs(report.tenant().id(), () -> Actors.asSystem(() -> sessions.state(full.named().id())));
        LiveState original = TenantContext.callAs(full.tenant().id(), () -> Actors.asSystem(() -> sessions.state(full.named().id())));
        assertThat(restored.answers()).extracting(LiveState.Answer::text)
                .containsExactlyElementsOf(original.answers().stream().map(LiveState.Answer::text).toList());
        assertThat(restored.participants()).extracting(LiveState.Participant::team).containsOnly(full.org().team().id());
        String code = TenantContext.callAs(report.tenant().id(), () -> Actors.asSystem(() -> sessions.find(full.running().id())))
                .orElseThrow().joinCode();
        assertThat(code).isNotNull().isNotEqualTo(full.running().session().joinCode());
        assertThat(Actors.asSystem(() -> starts.resolve(code))).get().satisfies(t -> assertThat(t.tenant()).isEqualTo(report.tenant().id()));

        assertThat(audit.platformEntries(1000)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORT_CREATED);
            assertThat(e.tenant()).isEqualTo(full.tenant().id());
        }).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.IMPORTED);
            assertThat(e.tenant()).isEqualTo(report.tenant().id());
        }).noneMatch(e -> e.toString().contains(full.marker()));
    }

    @Test
    void an_anonymous_sessions_participants_export_no_person() throws IOException {
        Map<String, byte[]> a = unzip(export(full.tenant().id()));
        List<JsonNode> participants = new ArrayList<>();
        JSON.readTree(a.get("tables/participant.json")).forEach(participants::add);
        String anonymous = full.anonymous().id().toString();
        assertThat(participants).filteredOn(p -> p.path("session_id").asString().equals(anonymous)).hasSize(2).allSatisfy(p -> {
            assertThat(p.path("person_id").isNull()).isTrue();
            assertThat(p.path("display_name").isNull()).isTrue();
        });
        assertThat(participants).filteredOn(p -> p.path("session_id").asString().equals(full.named().id().toString()))
                .anySatisfy(p -> assertThat(p.path("person_id").asString()).isEqualTo(full.org().member().id().toString()));
    }

    @Test
    void a_tenant_administrator_exports_their_own_tenant_and_only_a_platform_administrator_any_other() throws IOException {
        Actors.signIn(full.tenant().id(), full.tenant().name(), Role.TENANT_ADMIN);
        ByteArrayOutputStream own = new ByteArrayOutputStream();
        TenantContext.runAs(full.tenant().id(), () -> exports.exportOwnTenant(own));
        Map<String, byte[]> ownFiles = unzip(own.toByteArray());
        assertThat(JSON.readTree(ownFiles.get("manifest.json")).path("tenant").path("slug").asString()).isEqualTo(full.tenant().slug());
        assertThat(comparable(ownFiles)).isEqualTo(comparable(unzip(exportAsPlatform(full.tenant().id()))));
        assertThatThrownBy(() -> exports.exportTenant(full.other().id(), new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.importTenant(files.resolve("x.zip"), "x-" + UUID.randomUUID().toString().substring(0, 8), "X"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_file_that_is_not_an_export_this_version_reads_or_the_database_refuses_restores_nothing() throws IOException, SQLException {
        Map<String, byte[]> a = unzip(export(full.tenant().id()));
        long tenantsBefore = count("select count(*) from tenant");

        Files.write(files.resolve("not-a-zip.zip"), "hello".getBytes(StandardCharsets.UTF_8));
        assertRefused("not-a-zip.zip", "lifecycle.import.error.not-zip");
        write("other.zip", Map.of("manifest.json", "{\"format\":\"something-else\"}".getBytes(StandardCharsets.UTF_8)));
        assertRefused("other.zip", "lifecycle.import.error.not-export");
        write("newer.zip", changed(a, "manifest.json", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99")));
        assertRefused("newer.zip", "lifecycle.import.error.format-version");
        write("unknown-column.zip", changed(a, "tables/unit.json", s -> s.replaceFirst("\"name\"", "\"colour\" : \"red\", \"name\"")));
        assertRefused("unknown-column.zip", "lifecycle.import.error.malformed");
        // an answer by a participant the file does not have: the database's foreign key refuses it
        write("orphan.zip", changed(a, "tables/answer.json", s -> s.replaceFirst("\"participant_id\" : \"[0-9a-f-]+\"",
                "\"participant_id\" : \"" + UUID.randomUUID() + "\"")));
        assertRefused("orphan.zip", "lifecycle.import.error.rejected");
        write("valid.zip", a);
        assertThatThrownBy(() -> exports.importTenant(files.resolve("valid.zip"), full.tenant().slug(), "Sama lyhenne"))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("error.tenant.slug-taken");

        assertThat(count("select count(*) from tenant")).as("no tenant was added").isEqualTo(tenantsBefore);
    }

    @Test
    void every_tenant_owned_table_is_in_the_export() throws IOException, SQLException {
        Map<String, byte[]> a = unzip(export(full.tenant().id()));
        Set<String> tables = new TreeSet<>();
        try (Connection c = TestDatabase.superuser().getConnection(); ResultSet rs = c.createStatement().executeQuery("""
                select c.relname from pg_class c
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(a.keySet()).as("a table with tenant_id that no module exports (TenantDataParticipant)")
                .containsAll(tables.stream().map(t -> "tables/" + t + ".json").toList());
    }

    private void assertRefused(String file, String key) {
        assertThatThrownBy(() -> exports.importTenant(files.resolve(file), "r-" + UUID.randomUUID().toString().substring(0, 8), "R"))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).messageKey())
                        .as(e.getMessage()).isEqualTo(key));
    }

    private byte[] exportAsPlatform(TenantId tenant) {
        Actors.signInAsPlatformAdmin();
        try {
            return export(tenant);
        } finally {
            Actors.signIn(tenant, "back", Role.TENANT_ADMIN);
        }
    }

    private byte[] export(TenantId tenant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.exportTenant(tenant, out);
        return out.toByteArray();
    }

    /** The export without what differs by design: the tenant, the time, the audit log. */
    static Map<String, String> comparable(Map<String, byte[]> export) {
        Map<String, String> files = new TreeMap<>();
        export.forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
        files.remove("tables/audit_log.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(export.get("manifest.json"));
        manifest.remove("exportedAt");
        ((ObjectNode) manifest.get("tenant")).removeAll();
        manifest.get("files").forEach(f -> {
            if (f.path("table").asString().equals("audit_log")) {
                ((ObjectNode) f).remove("rows");
            }
        });
        files.put("manifest.json", manifest.toString());
        return files;
    }

    private static String text(Map<String, byte[]> export, String name) {
        return new String(export.get(name), StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static Map<String, byte[]> changed(Map<String, byte[]> files, String name, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        String before = new String(files.get(name), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the change applies to " + name).isNotEqualTo(before);
        copy.put(name, after.getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private void write(String name, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(files.resolve(name)))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
