package fi.arki.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Organisation;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.Membership;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantOverview;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Merging tenants: two tenants with units, teams, people, roles, team memberships and settings
 * become one. Every record is there once under the tenant that remains, the merged tenant has no
 * row left anywhere, its people act in the remaining tenant, and a table that no module moves
 * stops the merge before anything changes.
 */
@ArkiIntegrationTest
class TenantMergeIntegrationTests {

    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired TenantSettingsManagement settings;

    Tenant kainuu;
    Tenant oulu;
    Account both;
    Account onlyKainuu;

    @BeforeEach
    void twoTenants() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        kainuu = tenants.create(TenantId.random(), "kainuu-" + n, "Kainuun ELY-keskus " + n);
        oulu = tenants.create(TenantId.random(), "oulu-" + n, "Pohjois-Pohjanmaan elinvoimakeskus " + n);
        both = accounts.createLocal("both-" + n, "Kaisa Kaksoisjäsen", "salasana-1", false);
        onlyKainuu = accounts.createLocal("kainuu-" + n, "Kalle Kainuulainen", "salasana-1", false);

        TenantContext.runAs(kainuu.id(), () -> {
            Unit environment = directory.createUnit("Ympäristö");
            Unit business = directory.createUnit("Yrityspalvelut");
            Team water = directory.createTeam(environment.id(), "Vesitalous");
            Team funding = directory.createTeam(business.id(), "Rahoitus");
            Person kaisa = directory.addPerson("Kaisa Kaksoisjäsen", "kaisa@example.fi", both.id());
            Person kalle = directory.addPerson("Kalle Kainuulainen", null, onlyKainuu.id());
            Person noAccount = directory.addPerson("Tilitön Tiina", null, null);
            directory.grantRole(kaisa.id(), Role.FACILITATOR);
            directory.grantRole(kalle.id(), Role.TENANT_ADMIN);
            directory.grantRole(noAccount.id(), Role.MEMBER);
            directory.addToTeam(water.id(), kaisa.id(), true);
            directory.addToTeam(funding.id(), kalle.id(), false);
            directory.addToTeam(funding.id(), noAccount.id(), false);
            settings.update(new TenantSettings(List.of(Language.FI), Language.FI, false, 9, 90, null, null));
        });
        TenantContext.runAs(oulu.id(), () -> {
            Unit environment = directory.createUnit("Ympäristö");
            directory.createTeam(environment.id(), "Luonnonsuojelu");
            Person kaisa = directory.addPerson("Kaisa K.", null, both.id());
            directory.grantRole(kaisa.id(), Role.MEMBER);
            settings.update(new TenantSettings(List.of(Language.FI, Language.SV), Language.FI, true, 5, 730, null, null));
        });
        tenants.linkOrganization(kainuu.id(), "org-kainuu-" + n);
        Actors.signInAsPlatformAdmin();
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void every_record_of_both_tenants_is_present_once_under_the_tenant_that_remains() throws SQLException {
        Map<String, Long> before = rowsPerTable(kainuu.id());
        assertThat(before).containsKeys("unit", "team", "person", "person_role", "team_member", "tenant_settings");

        MergeReport report = lifecycle.merge(kainuu.id(), oulu.id());

        assertThat(report.movedRows()).containsEntry("unit", 2).containsEntry("team", 2).containsEntry("person", 3);
        assertThat(rowsPerTable(kainuu.id())).as("nothing of the merged tenant is left anywhere").isEmpty();

        Organisation merged = TenantContext.callAs(oulu.id(), () -> Actors.asSystem(directory::organisation));
        assertThat(merged.units()).extracting(u -> u.unit().name())
                .containsExactlyInAnyOrder("Ympäristö", "Ympäristö (" + kainuu.name() + ")", "Yrityspalvelut");
        assertThat(merged.units().stream().flatMap(u -> u.teams().stream()).map(Team::name))
                .containsExactlyInAnyOrder("Luonnonsuojelu", "Vesitalous", "Rahoitus");

        List<Person> people = TenantContext.callAs(oulu.id(), () -> Actors.asSystem(directory::people));
        assertThat(people).extracting(Person::displayName)
                .as("the account that was a person in both tenants is one person, the target's")
                .containsExactlyInAnyOrder("Kaisa K.", "Kalle Kainuulainen", "Tilitön Tiina");
        Person kaisa = people.stream().filter(p -> both.id().equals(p.account())).findFirst().orElseThrow();
        TenantContext.runAs(oulu.id(), () -> Actors.asSystem(() -> {
            assertThat(directory.rolesOf(kaisa.id())).containsExactlyInAnyOrder(Role.MEMBER, Role.FACILITATOR);
            assertThat(directory.teamsOf(kaisa.id())).singleElement()
                    .satisfies(m -> assertThat(m.supervisor()).isTrue());
            Person tiina = people.stream().filter(p -> p.displayName().equals("Tilitön Tiina")).findFirst().orElseThrow();
            assertThat(directory.teamsOf(tiina.id())).hasSize(1);
            assertThat(directory.rolesOf(tiina.id())).containsExactly(Role.MEMBER);
        }));
        assertThat(TenantContext.callAs(oulu.id(), () -> Actors.asSystem(settings::current)).anonymityThreshold())
                .as("the remaining tenant keeps its own settings").isEqualTo(5);
    }

    @Test
    void the_merged_tenants_people_and_organizations_act_in_the_tenant_that_remains() {
        lifecycle.merge(kainuu.id(), oulu.id());

        List<Membership> kalle = Actors.asSystem(() -> accounts.memberships(onlyKainuu.id()));
        assertThat(kalle).singleElement().satisfies(m -> {
            assertThat(m.tenant().id()).isEqualTo(oulu.id());
            assertThat(m.roles()).containsExactly(Role.TENANT_ADMIN);
        });
        assertThat(Actors.asSystem(() -> accounts.memberships(both.id()))).extracting(m -> m.tenant().id()).containsExactly(oulu.id());

        String organization = lifecycle.overview().stream().filter(t -> t.tenant().id().equals(oulu.id())).findFirst()
                .orElseThrow().organizationIds().getFirst();
        assertThat(organization).startsWith("org-kainuu-");
        assertThat(Actors.asSystem(() -> tenants.tenantOfOrganization(organization))).map(Tenant::id).contains(oulu.id());

        TenantOverview merged = lifecycle.overview().stream().filter(t -> t.tenant().id().equals(kainuu.id())).findFirst().orElseThrow();
        assertThat(merged.active()).isFalse();
        assertThat(merged.mergedInto()).isEqualTo(oulu.id());
        assertThat(tenants.all()).extracting(Tenant::id).doesNotContain(kainuu.id());
    }

    @Test
    void a_merged_tenant_cannot_be_merged_or_renamed_again_and_a_tenant_not_into_itself() {
        lifecycle.merge(kainuu.id(), oulu.id());

        assertThatThrownBy(() -> lifecycle.merge(kainuu.id(), oulu.id()))
                .isInstanceOf(fi.arki.shared.InvalidInputException.class).hasMessageContaining("error.tenant.merged");
        assertThatThrownBy(() -> lifecycle.rename(kainuu.id(), "Herätetty"))
                .hasMessageContaining("error.tenant.merged");
        assertThatThrownBy(() -> lifecycle.merge(oulu.id(), oulu.id())).hasMessageContaining("error.tenant.merge-same");
    }

    @Test
    void only_a_platform_administrator_merges() {
        Actors.signIn(kainuu.id(), kainuu.name(), Role.TENANT_ADMIN);
        assertThatThrownBy(() -> lifecycle.merge(kainuu.id(), oulu.id()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_table_no_module_moves_stops_the_merge_and_nothing_changes() throws SQLException {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("""
                    create table merge_scratch (tenant_id uuid not null references tenant (id), id uuid not null,
                                                primary key (tenant_id, id));
                    call arki_isolate_by_tenant('merge_scratch');
                    grant select, insert, update, delete on merge_scratch to arki_app""");
            try (PreparedStatement insert = c.prepareStatement("insert into merge_scratch values (?, ?)")) {
                insert.setObject(1, kainuu.id().value());
                insert.setObject(2, UUID.randomUUID());
                insert.executeUpdate();
            }
        }
        try {
            Map<String, Long> before = rowsPerTable(kainuu.id());

            assertThatThrownBy(() -> lifecycle.merge(kainuu.id(), oulu.id()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("merge_scratch")
                    .hasMessageContaining("TenantMergeParticipant");

            assertThat(rowsPerTable(kainuu.id())).isEqualTo(before);
            assertThat(lifecycle.overview().stream().filter(t -> t.tenant().id().equals(kainuu.id())).findFirst().orElseThrow().active()).isTrue();
        } finally {
            try (Connection c = TestDatabase.superuser().getConnection()) {
                c.createStatement().execute("drop table merge_scratch");
            }
        }
    }

    /** Rows of the tenant in every table that has a tenant_id column, counted as the superuser (no RLS). */
    static Map<String, Long> rowsPerTable(TenantId tenant) throws SQLException {
        Map<String, Long> rows = new java.util.TreeMap<>();
        try (Connection c = TestDatabase.superuser().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select c.relname from pg_class c
                    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement count = c.prepareStatement("select count(*) from \"" + table + "\" where tenant_id = ?")) {
                    count.setObject(1, tenant.value());
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            rows.put(table, rs.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement links = c.prepareStatement("select count(*) from account_tenant where member_of_tenant_id = ?")) {
                links.setObject(1, tenant.value());
                try (ResultSet rs = links.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        rows.put("account_tenant", rs.getLong(1));
                    }
                }
            }
        }
        return rows;
    }

    static Set<String> names(List<Person> people) {
        return people.stream().map(Person::displayName).collect(Collectors.toSet());
    }
}
