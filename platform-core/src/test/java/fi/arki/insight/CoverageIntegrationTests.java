package fi.arki.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fi.arki.deck.RatingScale;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetDraft;
import fi.arki.followup.TargetId;
import fi.arki.followup.TargetStatus;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Coverage counts every team's sessions and targets, and pools ratings only over closed sessions
 * where at least the anonymity threshold (5) answered, on real PostgreSQL with RLS.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class CoverageIntegrationTests {

    static final int RATE_STEP = 4; // competence card: intro, prompt, group, vote, rate, targets
    static final int TARGETS_STEP = 5;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired CoverageManagement coverage;
    @Autowired fi.arki.followup.FollowupManagement followup;

    TenantId tenant = TenantId.random();
    Unit business;
    Unit environment;
    Team funding;
    Team advice;
    Team water;
    Team nature;
    Person facilitator;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "c-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            business = directory.createUnit("Yrityspalvelut");
            environment = directory.createUnit("Ympäristö");
            funding = directory.createTeam(business.id(), "Rahoitus");
            advice = directory.createTeam(business.id(), "Neuvonta");
            water = directory.createTeam(environment.id(), "Vesi");
            nature = directory.createTeam(environment.id(), "Luonto");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(facilitator.id(), Role.TENANT_ADMIN);
        });
    }

    SessionInfo held(TenantId in, PersonId lead, List<Team> teams, boolean close, int... ratings) {
        return TenantContext.callAs(in, () -> {
            SessionInfo info = starts.startFor(lead, new SessionStart(teams.stream().map(Team::id).toList(),
                    TestDeckCatalog.DECK, List.of("competence"), SessionMode.ANONYMOUS, null));
            for (int value : ratings) {
                Joined guest = joins.join(info.id(), Joiner.guest(null, null, Language.FI));
                participants.rate(info.id(), guest.participant(), RATE_STEP, value);
            }
            if (close) {
                facilitation.close(info.id());
            }
            return info;
        });
    }

    SessionInfo held(List<Team> teams, boolean close, int... ratings) {
        return held(tenant, facilitator.id(), teams, close, ratings);
    }

    Coverage read() {
        Instant since = Instant.now().minus(30, ChronoUnit.DAYS);
        return TenantContext.callAs(tenant, () -> coverage.coverage(since, Language.FI,
                new OrganisationName("Pohjanmaan elinvoimakeskus", "Pohjanmaan elinvoimakeskuksessa", "Pohjanmaan elinvoimakeskuksesta")));
    }

    @Test
    void ratings_pool_only_sessions_with_enough_answers_and_a_shared_session_counts_in_the_total_only() {
        held(List.of(funding), true, 5, 5, 4, 4, 3, 3);       // counts, business
        held(List.of(funding), true, 1, 1, 1);                // too few: left out
        held(List.of(water), true, 2, 2, 2, 2, 2);            // counts, environment
        held(List.of(advice, water), true, 5, 5, 5, 5, 5);    // two units: total only
        held(List.of(funding), false, 1, 1, 1, 1, 1);         // still running: not yet

        TenantId other = TenantId.random();
        tenants.create(other, "o-" + other.value().toString().substring(0, 8), "Other");
        Team otherTeam = TenantContext.callAs(other, () -> directory.createTeam(directory.createUnit("Other unit").id(), "Other team"));
        PersonId otherLead = TenantContext.callAs(other, () -> {
            Person person = directory.addPerson("Other facilitator", null, null);
            directory.grantRole(person.id(), Role.FACILITATOR);
            // starts sessions for teams it is not in: only an administrator may (StartableTeams)
            directory.grantRole(person.id(), Role.TENANT_ADMIN);
            return person.id();
        });
        held(other, otherLead, List.of(otherTeam), true, 1, 1, 1, 1, 1, 1, 1);

        Coverage result = read();
        assertThat(result.threshold()).isEqualTo(5);
        assertThat(result.ratings()).singleElement().satisfies(line -> {
            assertThat(line.question()).isEqualTo("Kuinka hyvin osaamistamme hyödynnetään?");
            assertThat(line.card()).isEqualTo("Osaaminen");
            assertThat(line.deck()).isEqualTo("Juutin kuusi ulottuvuutta (testi)");
            assertThat(line.scale()).isEqualTo(RatingScale.SCALE_1_5);
            assertThat(line.leftOut()).isEqualTo(1);
            assertThat(line.total()).isNotNull();
            assertThat(line.total().sessions()).isEqualTo(3);
            assertThat(line.total().answers()).isEqualTo(16);
            assertThat(line.total().average()).isCloseTo(59.0 / 16, within(1e-9));
            assertThat(line.total().distribution()).isEqualTo(Map.of(2, 5L, 3, 2L, 4, 2L, 5, 7L));
            assertThat(line.byUnit()).containsOnlyKeys(business.id(), environment.id());
            assertThat(line.byUnit().get(business.id()).answers()).isEqualTo(6);
            assertThat(line.byUnit().get(business.id()).average()).isCloseTo(4.0, within(1e-9));
            assertThat(line.byUnit().get(environment.id()).answers()).isEqualTo(5);
            assertThat(line.byUnit().get(environment.id()).average()).isCloseTo(2.0, within(1e-9));
        });
    }

    @Test
    void no_rating_figure_at_all_when_every_session_had_too_few_answers() {
        held(List.of(funding), true, 1, 2, 3, 4);
        held(List.of(water), true, 5, 5);

        assertThat(read().ratings()).singleElement().satisfies(line -> {
            assertThat(line.total()).isNull();
            assertThat(line.byUnit()).isEmpty();
            assertThat(line.leftOut()).isEqualTo(2);
        });
    }

    @Test
    void every_team_is_listed_with_its_sessions_decks_and_targets_and_the_month_counts_add_up() {
        SessionInfo first = held(List.of(funding), false);
        held(List.of(funding, water), true);
        LocalDate due = LocalDate.now().plusMonths(1);
        TenantContext.runAs(tenant, () -> {
            facilitation.commitTarget(first.id(), TARGETS_STEP, TargetId.random(), "Palautekierros kuukausittain", null,
                    "Tiimi", due, "competence");
            facilitation.commitTarget(first.id(), TARGETS_STEP, TargetId.random(), "Yhteinen asiakaslista", null,
                    "Tiimi", due.plusDays(1), "competence");
        });

        Coverage result = read();
        assertThat(result.teamCount()).isEqualTo(4);
        assertThat(result.teamsReached()).isEqualTo(2);
        assertThat(result.sessionCount()).isEqualTo(2);
        assertThat(result.months()).isNotEmpty().last().satisfies(m -> assertThat(m.sessions()).isEqualTo(2));
        assertThat(result.units()).extracting(Coverage.UnitLine::name).containsExactlyInAnyOrder("Yrityspalvelut", "Ympäristö");
        Coverage.TeamLine fundingLine = team(result, funding);
        assertThat(fundingLine.sessions()).isEqualTo(2);
        assertThat(fundingLine.decks()).containsExactly("Juutin kuusi ulottuvuutta (testi)");
        assertThat(fundingLine.openTargets()).isEqualTo(2);
        assertThat(fundingLine.overdueTargets()).isZero();
        assertThat(team(result, water).sessions()).isEqualTo(1);
        assertThat(team(result, nature).sessions()).isZero();
        assertThat(team(result, nature).lastSession()).isNull();
        assertThat(result.targets()).extracting(Coverage.TargetLine::title)
                .containsExactly("Palautekierros kuukausittain", "Yhteinen asiakaslista");
        assertThat(result.targets()).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TargetStatus.OPEN);
            assertThat(t.teamName()).isEqualTo("Rahoitus");
        });
        assertThat(result.ratings()).isEmpty();
    }

    /**
     * Follow-through: targets reviewed as done ÷ targets due, per team, given only once at least
     * the anonymity threshold (5) of the team's targets are due; a target not yet due counts in
     * neither, even when it is already done.
     */
    @Test
    void follow_through_is_done_of_due_and_shown_only_from_the_threshold_up() throws Exception {
        SessionInfo slot = held(List.of(funding, water, advice), false);
        List<TargetId> fundingDue = committed(slot, funding, 5);
        List<TargetId> waterDue = committed(slot, water, 4);
        List<TargetId> adviceEarly = committed(slot, advice, 1);
        makeDue(fundingDue);
        makeDue(waterDue);
        TenantContext.runAs(tenant, () -> {
            for (TargetId done : fundingDue.subList(0, 3)) {
                followup.review(done, slot.id().value(), ReviewOutcome.DONE, null);
            }
            followup.review(fundingDue.get(3), slot.id().value(), ReviewOutcome.DROPPED, "Ei enää ajankohtainen");
            waterDue.forEach(done -> followup.review(done, slot.id().value(), ReviewOutcome.DONE, null));
            followup.review(adviceEarly.getFirst(), slot.id().value(), ReviewOutcome.DONE, null);
        });

        Coverage result = read();
        assertThat(team(result, funding).followThrough()).as("3 of 5 due, one dropped and one still open")
                .isEqualTo(new FollowThrough(5, 3, 60));
        assertThat(team(result, water).followThrough()).as("all done, but only 4 due: below the threshold")
                .isEqualTo(new FollowThrough(4, 4, null));
        assertThat(team(result, advice).followThrough()).as("done early, not yet due").isEqualTo(new FollowThrough(0, 0, null));
        assertThat(team(result, nature).followThrough()).isEqualTo(new FollowThrough(0, 0, null));
    }

    List<TargetId> committed(SessionInfo session, Team team, int count) {
        List<TargetId> ids = new java.util.ArrayList<>();
        TenantContext.runAs(tenant, () -> {
            for (int i = 0; i < count; i++) {
                TargetId id = TargetId.random();
                followup.commit(new TargetDraft(id, team.id(), session.id().value(), team.name() + " kohde " + i, null, "Tiimi",
                        // tomorrow where coverage counts days (Finnish time): after 22:00 UTC that is two UTC days ahead
                        LocalDate.now(CoverageManagement.ZONE).plusDays(1), "competence"));
                ids.add(id);
            }
        });
        return ids;
    }

    /** Due dates in the past cannot be committed; time passes instead, as the superuser. */
    static void makeDue(List<TargetId> targets) throws Exception {
        try (Connection c = TestDatabase.superuser().getConnection();
             PreparedStatement due = c.prepareStatement("update development_target set due_date = current_date - 1 where id = ?")) {
            for (TargetId target : targets) {
                due.setObject(1, target.value());
                assertThat(due.executeUpdate()).isEqualTo(1);
            }
        }
    }

    static Coverage.TeamLine team(Coverage result, Team team) {
        return result.units().stream().flatMap(u -> u.teams().stream()).filter(t -> t.id().equals(team.id())).findFirst().orElseThrow();
    }
}
