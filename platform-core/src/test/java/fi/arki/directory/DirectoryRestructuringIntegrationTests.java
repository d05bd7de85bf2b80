package fi.arki.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.session.Joiner;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Organisations restructure (the ELY centres became elinvoimakeskus centres): a tenant
 * administrator moves teams between units and deletes teams and units made by mistake, while
 * nothing a team has done is lost: a team or unit with history cannot be deleted.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class DirectoryRestructuringIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired ParticipantManagement participants;

    @Autowired fi.arki.session.JoinManagement joins;
    TenantId tenant = TenantId.random();
    Unit ely;
    Unit elinvoima;
    Team funding;
    Person facilitator;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "r-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        as(() -> {
            ely = directory.createUnit("ELY: Yrityspalvelut");
            elinvoima = directory.createUnit("Elinvoima: Yrityspalvelut");
            funding = directory.createTeam(ely.id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(funding.id(), facilitator.id(), true);
            return null;
        });
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    @Test
    void a_team_moves_to_another_unit_with_its_people_and_history_and_its_old_answers_keep_the_unit_they_had() {
        SessionInfo held = as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(funding.id()), TestDeckCatalog.DECK,
                List.of("competence"), SessionMode.ANONYMOUS, null)));
        as(() -> {
            var guest = joins.join(held.id(), Joiner.guest(null, null, Language.FI));
            participants.writeAnswer(held.id(), guest.participant(), 1, UUID.randomUUID(), null, "Ennen uudistusta");
            return null;
        });

        Team moved = as(() -> directory.moveTeam(funding.id(), elinvoima.id()));

        assertThat(moved.unitId()).isEqualTo(elinvoima.id());
        as(() -> {
            Organisation organisation = directory.organisation();
            assertThat(organisation.units()).filteredOn(u -> u.unit().id().equals(elinvoima.id())).singleElement()
                    .satisfies(u -> assertThat(u.teams()).extracting(Team::name).containsExactly("Rahoitus"));
            assertThat(organisation.units()).filteredOn(u -> u.unit().id().equals(ely.id())).singleElement()
                    .satisfies(u -> assertThat(u.teams()).isEmpty());
            assertThat(directory.membersOf(funding.id())).extracting(Person::displayName).containsExactly("Fanni");
            assertThat(sessions.sessionsOf(java.util.Set.of(funding.id()))).extracting(SessionInfo::id).containsExactly(held.id());
            LiveState state = sessions.state(held.id());
            assertThat(state.answers()).singleElement().satisfies(a -> {
                assertThat(a.text()).isEqualTo("Ennen uudistusta");
                assertThat(a.unit()).as("spoken for the unit the team was in then").isEqualTo(ely.id());
            });
            return null;
        });
        assertThatThrownBy(() -> as(() -> {
            directory.deleteUnit(ely.id());
            return null;
        })).as("the old unit has no teams left, but answers were given for it").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("error.unit.has-history");
        assertThat(as(() -> directory.organisation().units())).hasSize(2);
    }

    @Test
    void a_move_into_a_unit_that_has_a_team_of_the_same_name_is_refused() {
        as(() -> directory.createTeam(elinvoima.id(), "rahoitus"));
        assertThatThrownBy(() -> as(() -> directory.moveTeam(funding.id(), elinvoima.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("error.team.name-taken");
        assertThat(as(() -> directory.findTeam(funding.id()))).get().satisfies(t -> assertThat(t.unitId()).isEqualTo(ely.id()));
    }

    @Test
    void an_unused_team_and_an_empty_unit_are_deleted_but_a_team_with_sessions_and_a_unit_with_teams_are_not() {
        Team mistake = as(() -> directory.createTeam(ely.id(), "Väärä tiimi"));
        as(() -> {
            directory.addToTeam(mistake.id(), facilitator.id(), false);
            directory.deleteTeam(mistake.id());
            return null;
        });
        assertThat(as(() -> directory.findTeam(mistake.id()))).isEmpty();
        assertThat(as(() -> directory.teamsOf(facilitator.id()))).extracting(DirectoryManagement.Membership::team)
                .containsExactly(funding.id());

        as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(funding.id()), TestDeckCatalog.DECK,
                List.of("competence"), SessionMode.ANONYMOUS, null)));
        assertThatThrownBy(() -> as(() -> {
            directory.deleteTeam(funding.id());
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("error.team.has-history");
        assertThat(as(() -> directory.findTeam(funding.id()))).as("the team and its people stay").isPresent();
        assertThat(as(() -> directory.membersOf(funding.id()))).hasSize(1);

        assertThatThrownBy(() -> as(() -> {
            directory.deleteUnit(ely.id());
            return null;
        })).isInstanceOf(InvalidInputException.class).hasMessageContaining("error.unit.has-teams");
        as(() -> {
            directory.deleteUnit(elinvoima.id());
            return null;
        });
        assertThat(as(() -> directory.organisation().units())).extracting(u -> u.unit().name()).containsExactly("ELY: Yrityspalvelut");
    }
}
