package fi.arki.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettings;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * T-24: security events become structured audit entries (UTC time, actor, tenant, action, object,
 * outcome) in the same transaction as the change, and the runtime role can add and read entries
 * but never change or remove them.
 */
@ArkiIntegrationTest
class AuditLogIntegrationTests {

    @Autowired AuditManagement audit;
    @Autowired TenantManagement tenants;
    @Autowired TenantSettingsManagement settings;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired fi.arki.identity.LocalSignIn signIn;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    TenantId tenant = TenantId.random();
    ActingUser admin;

    @BeforeEach
    void tenant() {
        tenants.create(tenant, "audit-" + tenant.value().toString().substring(0, 8), "Auditoitu keskus");
        admin = Actors.signIn(tenant, "Auditoitu keskus", Role.TENANT_ADMIN);
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void role_changes_and_settings_changes_are_recorded_with_actor_tenant_object_and_utc_time() {
        Instant before = Instant.now().minusSeconds(1);
        Person person = TenantContext.callAs(tenant, () -> directory.addPerson("Olli Osallistuja", null, null));
        TenantContext.runAs(tenant, () -> {
            directory.grantRole(person.id(), Role.FACILITATOR);
            directory.grantRole(person.id(), Role.MEMBER);
            directory.revokeRole(person.id(), Role.FACILITATOR);
            settings.update(new TenantSettings(List.of(Language.FI, Language.SV), Language.FI, false, 7, 365, null, null));
        });

        List<AuditEntry> entries = TenantContext.callAs(tenant, () -> audit.tenantEntries(10));

        assertThat(entries).extracting(AuditEntry::action).containsExactly(
                AuditAction.TENANT_SETTINGS_CHANGED, AuditAction.ROLE_REVOKED, AuditAction.ROLE_GRANTED, AuditAction.ROLE_GRANTED,
                AuditAction.TENANT_CREATED);
        AuditEntry revoked = entries.get(1);
        assertThat(revoked.actor()).isEqualTo(admin.displayName());
        assertThat(revoked.actorAccount()).isEqualTo(admin.account());
        assertThat(revoked.tenant()).isEqualTo(tenant);
        assertThat(revoked.objectType()).isEqualTo("person");
        assertThat(revoked.objectId()).isEqualTo(person.id().toString());
        assertThat(revoked.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(revoked.detail()).containsEntry("role", "facilitator");
        assertThat(revoked.occurredAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(entries.getFirst().detail()).containsEntry("anonymityThreshold", "7").containsEntry("guestsAllowed", "false");
    }

    @Test
    void tenant_changes_by_the_platform_are_recorded() {
        Actors.signInAsPlatformAdmin();
        tenants.rename(tenant, "Uusi nimi");
        tenants.linkOrganization(tenant, "org-" + tenant.value().toString().substring(0, 8));

        List<AuditEntry> entries = audit.platformEntries(50).stream().filter(e -> tenant.equals(e.tenant())).toList();

        assertThat(entries).extracting(AuditEntry::action).contains(AuditAction.TENANT_RENAMED, AuditAction.TENANT_CREATED);
        assertThat(entries.stream().filter(e -> e.action().equals(AuditAction.TENANT_RENAMED)).findFirst().orElseThrow().detail())
                .containsEntry("from", "Auditoitu keskus").containsEntry("to", "Uusi nimi");
    }

    @Test
    void sign_ins_failed_sign_ins_and_the_lock_they_cause_are_recorded() {
        Actors.signOut();
        String username = "audit-" + tenant.value().toString().substring(0, 8);
        var account = Actors.asSystem(() -> accounts.createLocal(username, "Lukittava", "correct-horse", false));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.signIn(username, "wrong", "198.51.100.7")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.signIn(username, "correct-horse", "198.51.100.7")).as("locked")
                .isInstanceOf(BadCredentialsException.class);
        ActingUser user = ActingUser.withoutTenant(account);
        events.publishEvent(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())));

        Actors.signInAsPlatformAdmin();
        List<AuditEntry> mine = audit.platformEntries(200).stream().filter(e -> e.actor().equals(username)).toList();
        assertThat(mine).filteredOn(e -> e.action().equals(AuditAction.SIGN_IN) && e.outcome() == AuditOutcome.FAILURE)
                .extracting(e -> e.detail().get("reason"))
                .containsExactlyInAnyOrder("bad-credentials", "bad-credentials", "bad-credentials", "bad-credentials", "bad-credentials",
                        "unknown-or-locked");
        assertThat(mine).filteredOn(e -> e.action().equals(AuditAction.ACCOUNT_LOCKED)).singleElement()
                .satisfies(e -> assertThat(e.actorAccount()).isEqualTo(account.id()));
        assertThat(mine).filteredOn(e -> e.action().equals(AuditAction.SIGN_IN) && e.outcome() == AuditOutcome.SUCCESS).hasSize(1);
    }

    @Test
    void other_modules_record_their_own_events_through_the_api() {
        TenantContext.runAs(tenant, () -> audit.record(AuditEvent.of(AuditAction.DECK_INSTALLED, "deck", "juuti@1.0.0").with("source", "package")));

        AuditEntry entry = TenantContext.callAs(tenant, () -> audit.tenantEntries(1)).getFirst();
        assertThat(entry.action()).isEqualTo("deck.installed");
        assertThat(entry.objectId()).isEqualTo("juuti@1.0.0");
        assertThat(entry.detail()).containsEntry("source", "package");
    }

    @Test
    void deck_installs_and_enablements_are_recorded_from_the_deck_modules_events() {
        events.publishEvent(new fi.arki.deck.DeckVersionInstalled(tenant, "oma-pakka", "1.2.0", fi.arki.deck.DeckOrigin.TENANT_PACKAGE, false));
        TenantContext.runAs(tenant, () -> events.publishEvent(new fi.arki.deck.DeckEnabledForTenant(tenant, "oma-pakka")));

        List<AuditEntry> entries = TenantContext.callAs(tenant, () -> audit.tenantEntries(2));
        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.DECK_ENABLED, AuditAction.DECK_INSTALLED);
        assertThat(entries.get(1).objectId()).isEqualTo("oma-pakka@1.2.0");
        assertThat(entries.get(1).detail()).containsEntry("origin", "TENANT_PACKAGE").containsEntry("official", "false");
        assertThat(entries.get(1).actor()).isEqualTo(admin.displayName());
    }

    @Test
    void an_entry_commits_or_rolls_back_with_the_change_it_records() {
        TenantContext.runAs(tenant, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Person person = directory.addPerson("Peruttu", null, null);
            directory.grantRole(person.id(), Role.MEMBER);
            status.setRollbackOnly();
        }));

        assertThat(TenantContext.callAs(tenant, () -> audit.tenantEntries(10)))
                .extracting(AuditEntry::action).containsExactly(AuditAction.TENANT_CREATED);
    }

    @Test
    void the_runtime_role_can_add_and_read_entries_but_not_change_or_remove_them() throws SQLException {
        try (Connection app = TestDatabase.connectAs("arki_app")) {
            app.createStatement().execute("insert into audit_log (actor, action, outcome) values ('test', 'test.append-only', 'success')");
            // an entry of no tenant: not readable with no tenant bound (T-29), only through the platform administrator's function
            assertThat(app.createStatement().executeQuery("select count(*) from audit_log where action = 'test.append-only'"))
                    .satisfies(rs -> assertThat(rs.next() && rs.getInt(1) == 0).isTrue());
            assertThat(app.createStatement().executeQuery("select count(*) from arki_audit_log_newest(1000) where action = 'test.append-only'"))
                    .satisfies(rs -> assertThat(rs.next() && rs.getInt(1) >= 1).isTrue());
            for (String change : List.of("update audit_log set actor = 'someone else'", "delete from audit_log", "truncate audit_log")) {
                assertThatThrownBy(() -> app.createStatement().execute(change)).as(change)
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        try (Connection owner = TestDatabase.connectAs("arki_owner")) {
            assertThatThrownBy(() -> owner.createStatement().execute("update audit_log set actor = 'rewritten'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> owner.createStatement().execute("delete from audit_log"))
                    .hasMessageContaining("append-only");
        }
        try (Connection superuser = TestDatabase.superuser().getConnection()) {
            var rs = superuser.createStatement().executeQuery("""
                    select has_table_privilege('arki_app', 'audit_log', 'INSERT'), has_table_privilege('arki_app', 'audit_log', 'SELECT'),
                           has_table_privilege('arki_app', 'audit_log', 'UPDATE'), has_table_privilege('arki_app', 'audit_log', 'DELETE'),
                           has_table_privilege('arki_app', 'audit_log', 'TRUNCATE')""");
            rs.next();
            assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)))
                    .containsExactly(true, true, false, false, false);
        }
    }

    @Test
    void the_audit_log_is_read_per_tenant_and_only_by_administrators() {
        TenantId other = TenantId.random();
        Actors.asSystem(() -> tenants.create(other, "audit-o-" + other.value().toString().substring(0, 8), "Toinen"));
        TenantContext.runAs(other, () -> Actors.asSystem(() -> audit.record(AuditEvent.of(AuditAction.EXPORT_CREATED, "export", "x"))));

        assertThat(TenantContext.callAs(tenant, () -> audit.tenantEntries(50))).noneMatch(e -> other.equals(e.tenant()));
        Actors.signIn(tenant, "Auditoitu keskus", Role.MEMBER);
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> audit.tenantEntries(10)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
