package fi.arki.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.TargetId;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.session.Joiner;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A tenant administrator removes someone who has left (or asked to be forgotten): the directory no
 * longer knows who they were, named sessions forget the name they wrote under while the team keeps
 * the words, their targets stay without an owner's name, and their account goes unless another
 * tenant still has them. The last administrator and the administrator themselves cannot be removed.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class PersonRemovalIntegrationTests {

    @Autowired PersonRemovalManagement removals;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired AuditManagement audit;

    Tenant tenant;
    Tenant other;
    Account adminAccount;
    Account leaverAccount;
    Account commuterAccount;
    Person admin;
    Person leaver;
    Person commuter;
    Team team;
    SessionInfo session;

    @BeforeEach
    void aTenantWithSomeoneWhoLeaves() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        tenant = tenants.create(TenantId.random(), "removal-" + n, "Lähtijöiden virasto " + n);
        other = tenants.create(TenantId.random(), "other-" + n, "Toinen virasto " + n);
        adminAccount = accounts.createLocal("admin-" + n, "Aino Ylläpitäjä", "salasana-1", false);
        leaverAccount = accounts.createLocal("leaver-" + n, "Lea Lähtijä", "salasana-1", false);
        commuterAccount = accounts.createLocal("commuter-" + n, "Kalle Kahden talon", "salasana-1", false);
        TenantContext.runAs(other.id(), () -> Actors.asSystem(() -> directory.addPerson("Kalle K.", null, commuterAccount.id())));
        session = TenantContext.callAs(tenant.id(), () -> Actors.asSystem(() -> {
            team = directory.createTeam(directory.createUnit("Asiakaspalvelu").id(), "Neuvonta");
            admin = directory.addPerson("Aino Ylläpitäjä", null, adminAccount.id());
            directory.grantRole(admin.id(), Role.TENANT_ADMIN);
            directory.grantRole(admin.id(), Role.FACILITATOR);
            leaver = directory.addPerson("Lea Lähtijä", "lea.lahtija@example.fi", leaverAccount.id());
            directory.grantRole(leaver.id(), Role.MEMBER);
            directory.grantRole(leaver.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), leaver.id(), true);
            commuter = directory.addPerson("Kalle Kahden talon", null, commuterAccount.id());
            directory.grantRole(commuter.id(), Role.MEMBER);
            SessionInfo started = starts.startFor(admin.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                    List.of("competence"), SessionMode.NAMED, null));
            var lea = joins.join(started.id(), Joiner.member(leaver.id(), "Lea Lähtijä", Language.FI));
            participants.writeAnswer(started.id(), lea.participant(), 1, UUID.randomUUID(), null, "Lean vastaus jää tiimille");
            var guest = joins.join(started.id(), Joiner.guest("Vieras Ville", null, Language.FI));
            participants.writeAnswer(started.id(), guest.participant(), 1, UUID.randomUUID(), null, "Villen vastaus");
            facilitation.commitTarget(started.id(), 5, TargetId.random(), "Lean kohde", leaver.id(), null,
                    LocalDate.now().plusDays(30), "competence");
            return started;
        }));
        Actors.signIn(new ActingUser(adminAccount.id(), "Aino Ylläpitäjä", false, tenant.id(), tenant.name(), List.of(Role.TENANT_ADMIN)));
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void the_person_is_forgotten_while_the_team_keeps_what_was_written_and_committed() {
        PersonRemovalManagement.Removal removal = inTenant(() -> removals.remove(leaver.id()));

        assertThat(removal.namesForgotten()).isEqualTo(1);
        assertThat(removal.hadAccount()).isTrue();
        assertThat(removal.accountDeleted()).as("Lea was in no other tenant").isTrue();
        inTenant(() -> {
            assertThat(directory.people()).extracting(Person::displayName)
                    .containsExactlyInAnyOrder("Aino Ylläpitäjä", "Kalle Kahden talon");
            Person left = directory.findPerson(leaver.id()).orElseThrow();
            assertThat(left.displayName()).isEqualTo("—");
            assertThat(left.email()).isNull();
            assertThat(left.account()).isNull();
            assertThat(directory.rolesOf(leaver.id())).isEmpty();
            assertThat(directory.teamsOf(leaver.id())).isEmpty();
            assertThat(directory.membersOf(team.id())).isEmpty();

            LiveState state = sessions.state(session.id());
            assertThat(state.participants()).extracting(LiveState.Participant::name)
                    .as("the name is gone from the named session; the guest's stays").containsExactlyInAnyOrder(null, "Vieras Ville");
            assertThat(state.answers()).extracting(LiveState.Answer::text)
                    .containsExactlyInAnyOrder("Lean vastaus jää tiimille", "Villen vastaus");
            assertThat(state.committedTargets()).singleElement().satisfies(t -> {
                assertThat(t.title()).isEqualTo("Lean kohde");
                assertThat(t.ownerPerson()).isEqualTo(leaver.id());
            });
            return null;
        });
        assertThat(Actors.asSystem(() -> accounts.find(leaverAccount.id()))).as("the account could sign in to nothing").isEmpty();
        assertThat(Actors.asSystem(() -> accounts.memberships(leaverAccount.id()))).isEmpty();

        List<AuditEntry> entries = inTenant(() -> audit.tenantEntries(100));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PERSON_REMOVED);
            assertThat(e.objectId()).isEqualTo(leaver.id().toString());
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.ACCOUNT_DELETED);
            assertThat(e.objectId()).isEqualTo(leaverAccount.id().toString());
            assertThat(e.detail()).containsEntry("reason", "person-removed");
        });
        assertThat(entries).as("the audit log keeps ids, not the removed person's words")
                .noneSatisfy(e -> assertThat(e.detail().toString()).contains("Lean vastaus"));

        assertThatThrownBy(() -> inTenant(() -> removals.remove(leaver.id()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("error.person.not-found");
        assertThatThrownBy(() -> inTenant(() -> {
            directory.grantRole(leaver.id(), Role.MEMBER);
            return null;
        })).as("a removed person cannot be given roles again").hasMessageContaining("error.person.not-found");
    }

    @Test
    void an_account_that_another_tenant_still_has_stays_and_acts_only_there() {
        PersonRemovalManagement.Removal removal = inTenant(() -> removals.remove(commuter.id()));

        assertThat(removal.accountDeleted()).isFalse();
        assertThat(Actors.asSystem(() -> accounts.find(commuterAccount.id()))).isPresent();
        assertThat(Actors.asSystem(() -> accounts.memberships(commuterAccount.id())))
                .singleElement().satisfies(m -> assertThat(m.tenant().id()).isEqualTo(other.id()));
        assertThat(TenantContext.callAs(other.id(), () -> Actors.asSystem(directory::people)))
                .extracting(Person::displayName).containsExactly("Kalle K.");
    }

    @Test
    void the_administrator_cannot_remove_themselves_nor_the_last_administrator() {
        assertThatThrownBy(() -> inTenant(() -> removals.remove(admin.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("error.person.remove-self");

        // another administrator's session (not a person of this tenant's): Aino is still the only one
        Actors.signIn(new ActingUser(AccountId.random(), "Toinen", false, tenant.id(), tenant.name(), List.of(Role.TENANT_ADMIN)));
        assertThatThrownBy(() -> inTenant(() -> removals.remove(admin.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("error.person.remove-last-admin");
        assertThat(inTenant(() -> directory.rolesOf(admin.id()))).contains(Role.TENANT_ADMIN);
        assertThat(inTenant(() -> directory.findPerson(leaver.id()))).get()
                .satisfies(p -> assertThat(p.displayName()).isEqualTo("Lea Lähtijä"));
    }

    private <T> T inTenant(Supplier<T> work) {
        return TenantContext.callAs(tenant.id(), work::get);
    }
}
