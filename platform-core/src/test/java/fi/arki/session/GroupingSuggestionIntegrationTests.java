package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Suggested groups for a grouping step, accepted through the grouping service (issue 11, item 3). */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class GroupingSuggestionIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired GroupingSuggestionManagement suggestions;
    @Autowired AccountManagement accounts;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;
    Person member;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "g-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            team = directory.createTeam(unit.id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
            member = directory.addPerson("Olli", null, null);
            directory.addToTeam(team.id(), member.id(), false);
        });
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    @Test
    void similar_answers_are_suggested_together_and_an_accepted_group_leaves_the_suggestions() {
        SessionInfo info = as(() -> starts.startFor(facilitator.id(),
                new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, List.of("competence"), SessionMode.ANONYMOUS, null)));
        var people = as(() -> List.of(joins.join(info.id(), Joiner.guest(null, null, Language.FI)),
                joins.join(info.id(), Joiner.guest(null, null, Language.SV))));
        UUID feedback1 = UUID.randomUUID();
        UUID feedback2 = UUID.randomUUID();
        UUID meetings = UUID.randomUUID();
        int prompt = 1;
        int group = 2;
        as(() -> participants.writeAnswer(info.id(), people.get(0).participant(), prompt, feedback1, null,
                "Asiakkaat antavat palautetta liian harvoin"));
        as(() -> participants.writeAnswer(info.id(), people.get(1).participant(), prompt, feedback2, null,
                "Palautteen saaminen asiakkailta on hidasta"));
        as(() -> participants.writeAnswer(info.id(), people.get(1).participant(), prompt, meetings, null,
                "Kokouksia on liikaa"));

        List<SuggestedGroup> suggested = as(() -> suggestions.suggest(info.id(), group));
        assertThat(suggested).singleElement().satisfies(s -> assertThat(s.answers()).containsExactlyInAnyOrder(feedback1, feedback2));

        // accepted: the facilitator makes it a group with the grouping service
        UUID accepted = UUID.randomUUID();
        as(() -> {
            facilitation.saveGroup(info.id(), group, accepted, suggested.getFirst().label());
            suggested.getFirst().answers().forEach(a -> facilitation.assign(info.id(), group, a, accepted));
            return null;
        });
        assertThat(as(() -> sessions.state(info.id())).grouping(group)).containsEntry(feedback1, accepted).containsEntry(feedback2, accepted);
        assertThat(as(() -> suggestions.suggest(info.id(), group))).as("grouped answers are not suggested again").isEmpty();

        // another facilitator of the tenant, signed in, who does not facilitate this session
        Person other = as(() -> accounts.createLocalMember("g-o-" + tenant.value().toString().substring(0, 8), "Outi", null,
                "long-enough-password", java.util.Set.of(Role.FACILITATOR)));
        Actors.signIn(new ActingUser(other.account(), "Outi", false, tenant, "Pohjanmaan elinvoimakeskus", List.of(Role.FACILITATOR)));
        try {
            assertThatThrownBy(() -> as(() -> suggestions.suggest(info.id(), group)))
                    .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.not-facilitator");
        } finally {
            Actors.signOut();
        }
        assertThatThrownBy(() -> as(() -> suggestions.suggest(info.id(), prompt)))
                .as("a step that groups nothing").isInstanceOf(InvalidInputException.class);
    }
}
