package fi.arki.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.SessionClosed;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.session.SessionStatus;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The scheduled idle check (T-08 for this job): it runs with no tenant bound (also when its thread
 * had one), finds the running sessions of every tenant through their join codes, closes each idle
 * one under its own tenant, announces it with that tenant, and leaves every other session alone.
 */
@ArkiIntegrationTest
@Import({TestDeckCatalog.Config.class, IdleSessionsIntegrationTests.Closures.class})
class IdleSessionsIntegrationTests {

    @Autowired IdleSessions idle;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired Closures closures;

    /** A listener of a tenant's events runs behind a proxy that binds the event's tenant: read it through methods. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Closures {
        private final List<SessionClosed> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SessionClosed event) {
            seen.add(event);
        }

        List<SessionClosed> seen() {
            return seen;
        }
    }

    SessionInfo sessionOf(TenantId tenant) {
        tenants.create(tenant, "i-" + tenant.value().toString().substring(0, 8), "Tenant " + tenant);
        return TenantContext.callAs(tenant, () -> {
            Team team = directory.createTeam(directory.createUnit("Unit").id(), "Team");
            Person facilitator = directory.addPerson("Facilitator", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(facilitator.id(), Role.TENANT_ADMIN);
            return starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, List.of("competence"),
                    SessionMode.ANONYMOUS, null));
        });
    }

    @Test
    void closes_the_idle_sessions_of_every_tenant_each_under_its_own_tenant() throws Exception {
        TenantId a = TenantId.random();
        TenantId b = TenantId.random();
        SessionInfo idleA = sessionOf(a);
        SessionInfo idleB = sessionOf(b);
        SessionInfo busyB;
        busyB = TenantContext.callAs(b, () -> starts.startFor(sessions.find(idleB.id()).orElseThrow().facilitators().getFirst(),
                new SessionStart(sessions.find(idleB.id()).orElseThrow().teams(), TestDeckCatalog.DECK, List.of("competence"),
                        SessionMode.NAMED, null)));
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute("update live_session set last_activity_at = now() - interval '9 hours' where id in ('"
                    + idleA.id() + "', '" + idleB.id() + "')");
        }
        closures.seen().clear();

        // the job binds no tenant of its own; even called where a tenant is bound, it acts in each session's own
        int closed = TenantContext.callAs(b, idle::closeIdle);

        assertThat(closed).isGreaterThanOrEqualTo(2);
        assertThat(TenantContext.callAs(a, () -> sessions.find(idleA.id())).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
        assertThat(TenantContext.callAs(b, () -> sessions.find(idleB.id())).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
        assertThat(TenantContext.callAs(b, () -> sessions.find(busyB.id())).orElseThrow().status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(closures.seen()).filteredOn(e -> e.sessionId().equals(idleA.id())).singleElement()
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo(a));
        assertThat(closures.seen()).filteredOn(e -> e.sessionId().equals(idleB.id())).singleElement()
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo(b));
        assertThat(idle.closeIdle()).isZero();
    }
}
