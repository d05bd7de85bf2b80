package fi.arki.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.TargetId;
import fi.arki.identity.Account;
import fi.arki.identity.AccountManagement;
import fi.arki.session.Joiner;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** A merged tenant's sessions, answers and targets move with it, and its people are the remaining tenant's. */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class SessionMergeIntegrationTests {

    @Autowired TenantLifecycleManagement lifecycle;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired FollowupManagement followup;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void sessions_answers_and_targets_move_to_the_tenant_that_remains() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        Tenant source = tenants.create(TenantId.random(), "src-" + n, "Source " + n);
        Tenant target = tenants.create(TenantId.random(), "dst-" + n, "Target " + n);
        Account both = accounts.createLocal("sboth-" + n, "Kaisa", "salasana-1", false);
        TestDeckCatalog.attributeToTeams(source.id());
        record Seeded(SessionInfo info, Team team) {
        }
        Seeded seeded = TenantContext.callAs(source.id(), () -> Actors.asSystem(() -> {
            Team team = directory.createTeam(directory.createUnit("Unit").id(), "Team");
            Person kaisa = directory.addPerson("Kaisa", null, both.id());
            directory.grantRole(kaisa.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), kaisa.id(), true);
            SessionInfo started = starts.startFor(kaisa.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                    List.of("competence"), SessionMode.NAMED, null));
            var guest = joins.join(started.id(), Joiner.guest("Gun", null, Language.SV));
            participants.writeAnswer(started.id(), guest.participant(), 1, UUID.randomUUID(), null, "Siirtyvä vastaus");
            facilitation.commitTarget(started.id(), 5, TargetId.random(), "Siirtyvä kohde", kaisa.id(), null,
                    LocalDate.now().plusDays(30), "competence");
            return new Seeded(started, team);
        }));
        SessionInfo info = seeded.info();
        Team team = seeded.team();
        Person kaisaInTarget = TenantContext.callAs(target.id(), () -> Actors.asSystem(() -> directory.addPerson("Kaisa K.", null, both.id())));

        Actors.signInAsPlatformAdmin();
        lifecycle.merge(source.id(), target.id());
        Actors.signOut();

        LiveState moved = TenantContext.callAs(target.id(), () -> Actors.asSystem(() -> sessions.state(info.id())));
        assertThat(moved.answers()).extracting(LiveState.Answer::text).containsExactly("Siirtyvä vastaus");
        assertThat(moved.participants()).extracting(LiveState.Participant::name).containsExactly("Gun");
        // the team the guest spoke for (the deck attributes answers to teams) moves with it; teams keep their ids
        assertThat(moved.participants()).extracting(LiveState.Participant::team).containsExactly(team.id());
        assertThat(moved.committedTargets()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Siirtyvä kohde");
            assertThat(t.ownerPerson()).isEqualTo(kaisaInTarget.id());
        });
        assertThat(moved.session().facilitators()).containsExactly(kaisaInTarget.id());
        assertThat(Actors.asSystem(() -> starts.resolve(info.joinCode()))).get()
                .satisfies(j -> assertThat(j.tenant()).isEqualTo(target.id()));
        assertThat(TenantContext.callAs(source.id(), () -> Actors.asSystem(() -> sessions.find(info.id())))).isEmpty();
    }
}
