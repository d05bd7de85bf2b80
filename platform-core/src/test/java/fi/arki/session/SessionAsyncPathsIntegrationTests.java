package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * T-08 for live sessions, with views of several tenants' sessions open on one node: the presence
 * jobs run with no tenant of their own and write each participant's presence under that
 * participant's tenant, whatever their thread had bound; and the shared state that push refreshes
 * read needs the session's tenant bound — with none it refuses, and bound to another tenant it
 * finds nothing, not even what it has cached for the session's own tenant.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class SessionAsyncPathsIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired Presence presence;
    @Autowired LiveStates states;

    record Joining(TenantId tenant, SessionId session, ParticipantId participant) {
        boolean present(SessionManagement sessions) {
            return TenantContext.callAs(tenant, () -> sessions.state(session)).participants().stream()
                    .filter(p -> p.id().equals(participant)).findFirst().orElseThrow().present();
        }
    }

    Joining joined(String name) {
        TenantId tenant = TenantId.random();
        tenants.create(tenant, "p-" + tenant.value().toString().substring(0, 8), name);
        return TenantContext.callAs(tenant, () -> {
            Team team = directory.createTeam(directory.createUnit("Unit").id(), "Team");
            Person facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(facilitator.id(), Role.TENANT_ADMIN);
            SessionInfo info = starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                    List.of("competence"), SessionMode.ANONYMOUS, null));
            Joined joined = joins.join(info.id(), Joiner.guest(null, null, Language.FI));
            return new Joining(tenant, info.id(), joined.participant());
        });
    }

    @Test
    void each_participants_presence_is_written_under_its_own_tenant() throws Exception {
        Joining a = joined("Presence A");
        Joining b = joined("Presence B");
        assertThat(a.present(sessions)).as("a participant who has just joined is here").isTrue();

        AutoCloseable viewOfA = presence.arrived(a.tenant(), a.session(), a.participant());
        AutoCloseable viewOfB = presence.arrived(b.tenant(), b.session(), b.participant());
        viewOfA.close();
        viewOfB.close();
        TenantContext.runAs(b.tenant(), presence::flush); // a stray binding on the job's thread changes nothing

        assertThat(a.present(sessions)).as("A's participant left; written under A although B was bound").isFalse();
        assertThat(b.present(sessions)).isFalse();

        AutoCloseable again = presence.arrived(a.tenant(), a.session(), a.participant());
        TenantContext.runAs(b.tenant(), presence::heartbeat);
        assertThat(a.present(sessions)).as("the heartbeat marks A's participant under A").isTrue();
        again.close();
        TenantContext.runAs(b.tenant(), presence::flush);
    }

    @Test
    void a_push_refresh_reads_only_under_its_sessions_tenant() {
        Joining a = joined("Push A");
        Joining b = joined("Push B");
        LiveState cached = TenantContext.callAs(a.tenant(), () -> states.current(a.session()));
        assertThat(cached.session().id()).isEqualTo(a.session());

        assertThatThrownBy(() -> states.current(a.session())).as("no tenant bound")
                .isInstanceOf(TenantContext.NoTenantBoundException.class);
        assertThatThrownBy(() -> TenantContext.callAs(b.tenant(), () -> states.current(a.session()))).as("another tenant bound")
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.not-found");
        assertThat(TenantContext.callAs(a.tenant(), () -> states.current(a.session()))).isSameAs(cached);
    }
}
