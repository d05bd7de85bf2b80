package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryExports;
import fi.arki.insight.SummaryManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A vote over a group step offers every group and every idea that is in no group: both take dots
 * from the same budget, and results, summary and exports count them alike (issue 11, item 2).
 * The deck is a closing card as the Juuti deck has it: ideas, group, vote over the group step.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class FairVotingIntegrationTests {

    static final int IDEAS = 0;
    static final int GROUP = 1;
    static final int VOTE = 2;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired SummaryManagement summaries;
    @Autowired SummaryExports exports;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "v-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TestDeckCatalog.enableClosing(tenant);
        TenantContext.runAs(tenant, () -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            team = directory.createTeam(unit.id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
        });
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    @Test
    void with_no_groups_every_idea_is_votable() {
        SessionInfo info = as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.CLOSING_DECK,
                List.of(), SessionMode.ANONYMOUS, null)));
        Joined guest = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)));
        UUID idea = UUID.randomUUID();
        as(() -> participants.writeAnswer(info.id(), guest.participant(), IDEAS, idea, null, "Asiakaspalaute kerran kuussa"));

        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.voteOptions(VOTE)).extracting(VoteOption::id, VoteOption::group).containsExactly(tuple(idea, false));
        as(() -> participants.setDots(info.id(), guest.participant(), VOTE, idea, 3));
        assertThat(as(() -> sessions.state(info.id())).totals(VOTE)).containsEntry(idea, 3);
    }

    @Test
    void an_ungrouped_idea_and_a_group_are_both_votable_share_the_budget_and_both_reach_the_results_and_exports() throws Exception {
        SessionInfo info = as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.CLOSING_DECK,
                List.of(), SessionMode.ANONYMOUS, null)));
        List<Joined> people = as(() -> List.of(
                joins.join(info.id(), Joiner.guest(null, null, Language.FI)),
                joins.join(info.id(), Joiner.guest(null, null, Language.SV))));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID alone = UUID.randomUUID();
        as(() -> participants.writeAnswer(info.id(), people.get(0).participant(), IDEAS, first, null, "Palaute viikoittain"));
        as(() -> participants.writeAnswer(info.id(), people.get(1).participant(), IDEAS, second, null, "Palautetta useammin"));
        as(() -> participants.writeAnswer(info.id(), people.get(1).participant(), IDEAS, alone, null, "Yhteinen kalenteri"));
        UUID group = UUID.randomUUID();
        as(() -> { facilitation.saveGroup(info.id(), GROUP, group, "Palaute"); return null; });
        as(() -> { facilitation.assign(info.id(), GROUP, first, group); return null; });
        as(() -> { facilitation.assign(info.id(), GROUP, second, group); return null; });

        LiveState before = as(() -> sessions.state(info.id()));
        assertThat(before.voteOptions(VOTE)).extracting(VoteOption::id, VoteOption::text, VoteOption::group)
                .containsExactly(tuple(group, "Palaute", true), tuple(alone, "Yhteinen kalenteri", false));

        Joined voter = people.get(0);
        as(() -> participants.setDots(info.id(), voter.participant(), VOTE, group, 2));
        as(() -> participants.setDots(info.id(), voter.participant(), VOTE, alone, 1));
        // the idea's dot and the group's dots come out of one budget of 3
        assertThatThrownBy(() -> as(() -> participants.setDots(info.id(), voter.participant(), VOTE, alone, 2)))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.budget");
        // an idea that is in a group is voted on through its group
        assertThatThrownBy(() -> as(() -> participants.setDots(info.id(), voter.participant(), VOTE, first, 1)))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.no-such-item");
        as(() -> participants.setDots(info.id(), people.get(1).participant(), VOTE, alone, 3));

        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.budget(VOTE)).isEqualTo(3);
        assertThat(state.dotsUsed(VOTE, voter.participant())).isEqualTo(3);
        assertThat(state.totals(VOTE)).containsEntry(group, 2).containsEntry(alone, 4).doesNotContainKey(first);

        as(() -> { facilitation.close(info.id()); return null; });
        Summary summary = as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI));
        assertThat(summary.sections()).filteredOn(s -> s.kind().equals("vote")).singleElement()
                .extracting(Summary.Section::rows).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Summary.Row.class))
                .extracting(Summary.Row::text, Summary.Row::votes)
                .containsExactly(tuple("Yhteinen kalenteri", 4), tuple("Palaute", 2));
        String csv = new String(exports.csv(summary), StandardCharsets.UTF_8);
        // text, lane, group, votes: the idea and the group each on a line of their own with their dots
        assertThat(csv).contains("\"Yhteinen kalenteri\",\"\",\"\",\"4\"").contains("\"Palaute\",\"\",\"Palaute\",\"2\"");
        String markdown = new String(exports.markdown(summary), StandardCharsets.UTF_8);
        assertThat(markdown).contains("Yhteinen kalenteri").contains("Palaute");
    }
}
