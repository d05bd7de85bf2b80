package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.TargetId;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Who acts in a facilitator's call is the signed-in user's person in the bound tenant, read by the
 * service (issue 11 item 10): no caller can name someone else. Another facilitator of the tenant,
 * signed in, is refused in a session they do not facilitate; so is an account that is no person
 * here; only the lead hands over; a started session is led by whoever started it.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class ActingFacilitatorIntegrationTests {

    static final int GROUP = 2;
    static final int COMMIT = 5;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired SessionManagement sessions;
    @Autowired SessionStartManagement starts;
    @Autowired FacilitationManagement facilitation;
    @Autowired GroupingSuggestionManagement suggestions;

    TenantId tenant = TenantId.random();
    String n = tenant.value().toString().substring(0, 8);
    Team team;
    Person lead;
    Person outsider;

    @BeforeEach
    void organisation() {
        Actors.asSystem(() -> tenants.create(tenant, "af-" + n, "Satakunnan elinvoimakeskus"));
        Actors.asSystem(() -> TenantContext.runAs(tenant, () -> {
            team = directory.createTeam(directory.createUnit("Yrityspalvelut").id(), "Rahoitus");
            lead = accounts.createLocalMember("af-l-" + n, "Fanni", null, "long-enough-password", Set.of(Role.FACILITATOR));
            directory.addToTeam(team.id(), lead.id(), true);
            // a facilitator of the same tenant and team, who does not facilitate the session
            outsider = accounts.createLocalMember("af-o-" + n, "Outi", null, "long-enough-password", Set.of(Role.FACILITATOR));
            directory.addToTeam(team.id(), outsider.id(), true);
        }));
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    void signInAs(Person person) {
        signInAs(person.account());
    }

    void signInAs(AccountId account) {
        Actors.signIn(new ActingUser(account, "Test user", false, tenant, "Satakunnan elinvoimakeskus", List.of(Role.FACILITATOR)));
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    void run(Runnable action) {
        TenantContext.runAs(tenant, action);
    }

    SessionInfo startAsLead() {
        signInAs(lead);
        return as(() -> starts.start(new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, List.of("competence"),
                SessionMode.ANONYMOUS, null)));
    }

    @Test
    void the_signed_in_facilitator_leads_what_they_start_and_moves_it() {
        SessionInfo info = startAsLead();
        assertThat(info.lead()).isEqualTo(lead.id());
        assertThat(info.facilitators()).containsExactly(lead.id());

        run(() -> facilitation.goTo(info.id(), GROUP));
        assertThat(as(() -> sessions.state(info.id())).currentStep()).isEqualTo(GROUP);
    }

    @Test
    void another_signed_in_facilitator_is_refused_in_a_session_they_do_not_facilitate_and_nothing_changes() {
        SessionInfo info = startAsLead();
        signInAs(outsider);
        List<Runnable> actions = List.of(
                () -> facilitation.goTo(info.id(), GROUP),
                () -> facilitation.reveal(info.id(), 1, true),
                () -> facilitation.lock(info.id(), 1, true),
                () -> facilitation.timer(info.id(), Duration.ofMinutes(5)),
                () -> facilitation.saveGroup(info.id(), GROUP, UUID.randomUUID(), "Ryhmä"),
                () -> facilitation.addCoFacilitator(info.id(), outsider.id()),
                () -> facilitation.commitTarget(info.id(), COMMIT, TargetId.random(), "Kohde", null, null, LocalDate.now().plusDays(30), null),
                () -> suggestions.suggest(info.id(), GROUP),
                () -> facilitation.close(info.id()));
        for (Runnable action : actions) {
            assertThatThrownBy(() -> run(action)).isInstanceOf(InvalidInputException.class)
                    .extracting("messageKey").isEqualTo("session.error.not-facilitator");
        }
        LiveState state = Actors.asSystem(() -> as(() -> sessions.state(info.id())));
        assertThat(state.currentStep()).isZero();
        assertThat(state.timerEndsAt()).isNull();
        assertThat(state.session().facilitators()).containsExactly(lead.id());
        assertThat(state.session().running()).isTrue();
        assertThat(state.committedTargets()).isEmpty();
    }

    @Test
    void an_account_that_is_no_person_of_the_tenant_may_neither_act_nor_start() {
        SessionInfo info = startAsLead();
        signInAs(AccountId.random());
        assertThatThrownBy(() -> run(() -> facilitation.goTo(info.id(), GROUP))).isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("session.error.not-facilitator");
        assertThatThrownBy(() -> as(() -> starts.start(new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, List.of("competence"),
                SessionMode.ANONYMOUS, null)))).isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("session.error.not-facilitator");
    }

    @Test
    void a_co_facilitator_acts_but_only_the_lead_hands_over() {
        SessionInfo info = startAsLead();
        run(() -> facilitation.addCoFacilitator(info.id(), outsider.id()));

        signInAs(outsider);
        run(() -> facilitation.goTo(info.id(), 1));
        assertThatThrownBy(() -> run(() -> facilitation.handOver(info.id(), outsider.id()))).isInstanceOf(InvalidInputException.class)
                .extracting("messageKey").isEqualTo("session.error.not-lead");

        signInAs(lead);
        run(() -> facilitation.handOver(info.id(), outsider.id()));
        SessionInfo after = as(() -> sessions.find(info.id())).orElseThrow();
        assertThat(after.lead()).isEqualTo(outsider.id());
        assertThat(after.facilitators()).containsExactlyInAnyOrder(lead.id(), outsider.id());
        assertThat(as(() -> sessions.state(info.id())).currentStep()).isEqualTo(1);
    }
}
