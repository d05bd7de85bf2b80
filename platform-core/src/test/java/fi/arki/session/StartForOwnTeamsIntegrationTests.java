package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A facilitator runs conversations for the teams they belong to; the tenant's administrators for
 * any team. The start form offers only those teams, and the service refuses the others: a
 * facilitator could otherwise start a session for another team and read what its members write.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class StartForOwnTeamsIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;

    @Autowired fi.arki.session.SessionStartManagement starts;
    TenantId tenant = TenantId.random();
    Team own;
    Team other;
    Person facilitator;
    Person admin;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "o-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            own = directory.createTeam(unit.id(), "Rahoitus");
            other = directory.createTeam(unit.id(), "Vesitalous");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(own.id(), facilitator.id(), false);
            admin = directory.addPerson("Aino", null, null);
            directory.grantRole(admin.id(), Role.TENANT_ADMIN);
        });
    }

    private SessionInfo start(Person by, Team... teams) {
        return TenantContext.callAs(tenant, () -> starts.startFor(by.id(), new SessionStart(
                java.util.Arrays.stream(teams).map(Team::id).toList(), TestDeckCatalog.DECK, List.of("competence"), SessionMode.ANONYMOUS, null)));
    }

    @Test
    void a_facilitator_may_start_a_session_for_their_own_team() {
        assertThat(start(facilitator, own).teams()).containsExactly(own.id());
    }

    @Test
    void a_facilitator_is_refused_a_session_for_a_team_they_do_not_belong_to() {
        assertThatThrownBy(() -> start(facilitator, other))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo("session.error.team-not-yours"));
        // nor by hiding it among their own
        assertThatThrownBy(() -> start(facilitator, own, other)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_tenant_administrator_may_start_a_session_for_any_team() {
        assertThat(start(admin, own, other).teams()).containsExactlyInAnyOrder(own.id(), other.id());
    }

    @Test
    void the_start_form_offers_the_facilitator_only_their_teams_and_the_administrator_all() {
        assertThat(TenantContext.callAs(tenant, () -> StartableTeams.of(directory, facilitator.id()))).containsExactly(own);
        assertThat(TenantContext.callAs(tenant, () -> StartableTeams.of(directory, admin.id()))).containsExactlyInAnyOrder(own, other);
    }
}
