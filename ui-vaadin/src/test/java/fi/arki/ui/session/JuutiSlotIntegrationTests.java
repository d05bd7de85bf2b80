package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckManagement;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.internal.DeckFiles;
import fi.arki.deck.internal.DeckReader;
import fi.arki.deck.internal.PlatformDecks;
import fi.arki.deck.DeckOrigin;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.FollowupManagement;
import fi.arki.followup.ReviewOutcome;
import fi.arki.followup.TargetId;
import fi.arki.followup.TargetStatus;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryManagement;
import fi.arki.session.Joiner;
import fi.arki.session.LiveState;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.session.internal.Sessions;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.ui.UiIntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Juuti deck as the thesis runs it, at service level on the real deck (deck-juuti, 2.1.0):
 * one dimension is a whole slot of a team meeting, from reviewing the targets the team committed in
 * its last slot to committing at most two new ones; a whole-deck run reviews and commits once; and
 * a session pinned to the previous version (1.1.0, whose cards were split) still loads and runs.
 */
@UiIntegrationTest
class JuutiSlotIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired DeckCatalog catalog;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired FollowupManagement followup;
    @Autowired SummaryManagement summaries;
    @Autowired DeckReader reader;
    @Autowired PlatformDecks platformDecks;
    @Autowired Sessions sessionRows;
    @Autowired PlatformTransactionManager transactions;

    final TenantId tenant = TenantId.random();
    Team team;
    Person lead;

    @BeforeEach
    void aTeamWithJuuti() {
        String n = tenant.value().toString().substring(0, 8);
        Actors.asSystem(() -> tenants.create(tenant, "slot-" + n, "Demo-elinvoimakeskus"));
        Actors.signIn(tenant, "Demo-elinvoimakeskus", Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, () -> {
            decks.enable("juuti", null);
            team = directory.createTeam(directory.createUnit("Yrityspalvelut").id(), "Rahoitus");
            lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.addToTeam(team.id(), lead.id(), true);
        });
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    SessionInfo start(String... cards) {
        return TenantContext.callAs(tenant, () -> Actors.asSystem(() -> starts.startFor(lead.id(),
                new SessionStart(List.of(team.id()), "juuti", List.of(cards), SessionMode.ANONYMOUS, null))));
    }

    LiveState state(SessionInfo session) {
        return TenantContext.callAs(tenant, () -> sessions.state(session.id()));
    }

    static int indexOf(LiveState state, ActivityKind kind) {
        return state.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow().index();
    }

    @Test
    void one_dimension_is_a_whole_slot_from_last_slots_targets_to_at_most_two_new_ones() {
        SessionInfo first = start("wellbeing");
        LiveState slot = state(first);
        assertThat(first.deckVersion()).isEqualTo("2.1.0");
        assertThat(slot.steps()).extracting(s -> s.activityId() + ":" + s.kind().code()).containsExactly(
                "intro:intro", "review:review-targets", "q1:prompt", "q2:prompt", "pick:prompt", "group:group", "vote:vote",
                "targets:commit-targets");
        int targets = indexOf(slot, ActivityKind.COMMIT_TARGETS);
        TargetId done = TargetId.random();
        TargetId dropped = TargetId.random();
        TenantContext.runAs(tenant, () -> {
            Actors.asSystem(() -> facilitation.commitTarget(first.id(), targets, done, "Tauko joka päivä", lead.id(), null,
                    LocalDate.now().plusWeeks(2), "wellbeing"));
            Actors.asSystem(() -> facilitation.commitTarget(first.id(), targets, dropped, "Hiljainen huone", null, "Olli",
                    LocalDate.now().plusWeeks(2), "wellbeing"));
        });
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.commitTarget(first.id(), targets,
                TargetId.random(), "Kolmas kohde", lead.id(), null, LocalDate.now().plusWeeks(2), "wellbeing"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("session.error.targets-max");
        TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.close(first.id())));

        // the next meeting's slot, another dimension: it opens with what the team committed last time
        SessionInfo next = start("competence");
        LiveState opening = state(next);
        assertThat(opening.steps().get(1).kind()).isEqualTo(ActivityKind.REVIEW_TARGETS);
        assertThat(opening.earlierTargets()).extracting(DevelopmentTarget::id).containsExactlyInAnyOrder(done, dropped);
        TenantContext.runAs(tenant, () -> {
            Actors.asSystem(() -> facilitation.goTo(next.id(), 1));
            Actors.asSystem(() -> facilitation.reviewTarget(next.id(), done, ReviewOutcome.DONE, "Toimii, pidetään"));
            Actors.asSystem(() -> facilitation.reviewTarget(next.id(), dropped, ReviewOutcome.DROPPED, "Ei tilaa"));
        });
        LiveState reviewed = state(next);
        assertThat(reviewed.review(done)).hasValueSatisfying(r -> assertThat(r.note()).isEqualTo("Toimii, pidetään"));
        assertThat(reviewed.review(dropped)).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(ReviewOutcome.DROPPED));
        assertThat(TenantContext.callAs(tenant, () -> followup.targetsOf(team.id()))).extracting(DevelopmentTarget::status)
                .containsExactlyInAnyOrder(TargetStatus.DONE, TargetStatus.DROPPED);

        // a slot may end without a new target: the step does not insist on one
        TenantContext.runAs(tenant, () -> {
            Actors.asSystem(() -> facilitation.goTo(next.id(), indexOf(reviewed, ActivityKind.COMMIT_TARGETS)));
            Actors.asSystem(() -> facilitation.close(next.id()));
        });
        Summary summary = TenantContext.callAs(tenant, () -> summaries.summary(next.id(), lead.id(), Language.FI));
        assertThat(summary.targets()).isEmpty();
        assertThat(summary.reviews()).extracting(Summary.ReviewLine::title).containsExactlyInAnyOrder("Tauko joka päivä", "Hiljainen huone");
        assertThat(summary.reviews()).extracting(Summary.ReviewLine::note).contains("Toimii, pidetään", "Ei tilaa");
    }

    @Test
    void a_whole_deck_run_reviews_once_at_its_start_and_commits_once_at_its_end() {
        LiveState whole = state(start());
        List<ActivityKind> kinds = whole.steps().stream().map(LiveState.Step::kind).toList();
        assertThat(kinds.stream().filter(k -> k == ActivityKind.REVIEW_TARGETS)).hasSize(1);
        assertThat(kinds.stream().filter(k -> k == ActivityKind.COMMIT_TARGETS)).hasSize(1);
        assertThat(whole.steps().get(1)).extracting(LiveState.Step::cardId, LiveState.Step::kind)
                .containsExactly("competence", ActivityKind.REVIEW_TARGETS);
        LiveState.Step commit = whole.steps().get(indexOf(whole, ActivityKind.COMMIT_TARGETS));
        assertThat(commit.cardId()).isEqualTo("closing");
        assertThat(whole.steps().subList(commit.index() + 1, whole.steps().size())).extracting(LiveState.Step::kind)
                .containsOnly(ActivityKind.PULSE);
        // every card's own questions, votes and ratings are still there
        assertThat(whole.steps()).extracting(LiveState.Step::cardId).containsSubsequence(
                "competence", "interaction", "commitment", "wellbeing", "fairness", "creativity", "closing");
        assertThat(whole.steps()).filteredOn(s -> s.kind() == ActivityKind.VOTE).hasSize(7);
    }

    @Test
    void a_session_pinned_to_the_split_cards_of_1_1_0_still_loads_and_runs_its_steps() throws Exception {
        storeJuuti110(); // as every database that ran Juuti before 2.0.0 has it
        InstalledDeck old = TenantContext.callAs(tenant, () -> catalog.find("juuti", "1.1.0")).orElseThrow();
        Card split = old.manifest().card("interaction-team").orElseThrow();
        SessionId id = SessionId.random();
        List<Sessions.StepRow> steps = new ArrayList<>();
        split.activities().forEach(a -> steps.add(new Sessions.StepRow(steps.size(), split.id(), a.id(), a.kind())));
        TenantContext.runAs(tenant, () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            sessionRows.insert(tenant, id, "juuti", "1.1.0", "Vuorovaikutus tiimissä", SessionMode.ANONYMOUS, lead.id(),
                    List.of(team.id()), steps);
            sessionRows.insertJoinCode(fi.arki.session.internal.JoinCodes.newCode(), tenant, id,
                    OffsetDateTime.now().plusHours(2));
        }));

        SessionInfo pinned = TenantContext.callAs(tenant, () -> sessions.find(id)).orElseThrow();
        InstalledDeck deck = TenantContext.callAs(tenant, () -> sessions.deckOf(pinned));
        assertThat(deck.version()).isEqualTo("1.1.0");
        assertThat(deck.texts().text(Language.SV, "card.interaction-team.title")).isEqualTo("Växelverkan i teamet");

        ParticipantId olli = TenantContext.callAs(tenant, () -> joins.join(id, Joiner.guest(null, null, Language.FI)).participant());
        UUID answer = UUID.randomUUID();
        TenantContext.runAs(tenant, () -> {
            for (int step = 0; step < steps.size(); step++) {
                int to = step;
                Actors.asSystem(() -> facilitation.goTo(id, to));
            }
            participants.writeAnswer(id, olli, 1, answer, null, "Hyvä ilmapiiri näkyy avunpyyntöinä");
            Actors.asSystem(() -> facilitation.reveal(id, 1, true));
            Actors.asSystem(() -> facilitation.goTo(id, 5)); // the 1.1.0 vote over q1
            participants.setDots(id, olli, 5, answer, 2);
            Actors.asSystem(() -> facilitation.close(id));
        });
        LiveState run = state(pinned);
        assertThat(run.steps()).extracting(LiveState.Step::activityId).containsExactly("intro", "q1", "q2", "q3", "q4", "vote");
        assertThat(run.votes()).singleElement().extracting(LiveState.Vote::dots).isEqualTo(2);
        Summary summary = TenantContext.callAs(tenant, () -> summaries.summary(id, lead.id(), Language.SV));
        assertThat(summary.sections()).extracting(Summary.Section::card).contains("Växelverkan i teamet");
        assertThat(summary.sections()).flatExtracting(Summary.Section::rows).extracting(Summary.Row::text)
                .contains("Hyvä ilmapiiri näkyy avunpyyntöinä");
    }

    /**
     * The thesis's measures as the decks ask them (eNPS, NPS and 1–5 satisfaction in Juuti, CES in
     * the service path): with one answer fewer than the tenant's threshold (5) nothing of the result
     * is shown, in the session or its summary; from the threshold on, all of it, with the net score on
     * the NPS scales. The rule is the same for every scale.
     */
    @Test
    void every_measure_is_withheld_below_the_anonymity_threshold_and_shown_from_it() {
        TenantContext.runAs(tenant, () -> decks.enable("servicepath", null));
        record Measure(String deck, String card, String activity, fi.arki.deck.RatingScale scale, int value) {
        }
        List<Measure> measures = List.of(new Measure("juuti", "commitment", "enps", fi.arki.deck.RatingScale.ENPS, 9),
                new Measure("juuti", "closing", "nps", fi.arki.deck.RatingScale.NPS, 10),
                new Measure("juuti", "closing", "pulse", fi.arki.deck.RatingScale.SCALE_1_5, 4),
                new Measure("servicepath", "effort", "estimate", fi.arki.deck.RatingScale.CES, 2));
        for (Measure measure : measures) {
            SessionInfo session = TenantContext.callAs(tenant, () -> Actors.asSystem(() -> starts.startFor(lead.id(),
                    new SessionStart(List.of(team.id()), measure.deck(), List.of(measure.card()), SessionMode.ANONYMOUS, null))));
            int step = state(session).steps().stream().filter(s -> s.activityId().equals(measure.activity())).findFirst()
                    .orElseThrow().index();
            TenantContext.runAs(tenant, () -> Actors.asSystem(() -> facilitation.goTo(session.id(), step)));
            for (int i = 0; i < 4; i++) {
                rateAsNewGuest(session, step, measure.value());
            }
            LiveState below = state(session);
            assertThat(below.anonymityThreshold()).isEqualTo(5);
            assertThat(below.result(step, measure.scale())).as(measure + ": 4 answers").isEmpty();
            assertThat(section(session, step)).as(measure + ": the summary with 4 answers").satisfies(section -> {
                assertThat(section.rows()).isEmpty();
                assertThat(section.note()).contains("5");
            });

            rateAsNewGuest(session, step, measure.value());
            LiveState.RatingResult shown = state(session).result(step, measure.scale()).orElseThrow();
            assertThat(shown.respondents()).isEqualTo(5);
            assertThat(shown.average()).isEqualTo(measure.value());
            boolean net = measure.scale() == fi.arki.deck.RatingScale.NPS || measure.scale() == fi.arki.deck.RatingScale.ENPS;
            assertThat(shown.netScore()).as(measure + " net score").isEqualTo(net ? Integer.valueOf(100) : null);
            assertThat(section(session, step).rows()).as(measure + ": the summary with 5 answers").isNotEmpty();
        }
    }

    void rateAsNewGuest(SessionInfo session, int step, int value) {
        TenantContext.runAs(tenant, () -> {
            ParticipantId guest = joins.join(session.id(), Joiner.guest(null, null, Language.FI)).participant();
            participants.rate(session.id(), guest, step, value);
        });
    }

    Summary.Section section(SessionInfo session, int step) {
        LiveState state = state(session);
        LiveState.Step wanted = state.steps().get(step);
        Summary summary = TenantContext.callAs(tenant, () -> summaries.summary(session.id(), lead.id(), Language.EN));
        InstalledDeck deck = TenantContext.callAs(tenant, () -> sessions.deckOf(session));
        String heading = deck.texts().text(Language.EN, "card." + wanted.cardId() + "." + wanted.activityId(), state.organisation());
        return summary.sections().stream().filter(s -> s.heading().equals(heading)).findFirst().orElseThrow();
    }

    /** What the registry stored when a node ran Juuti 1.1.0 (a copy of its content in this module's test resources). */
    void storeJuuti110() throws Exception {
        DeckFiles files = DeckFiles.fromClasspath(getClass().getClassLoader(), "decks/juuti-1.1.0", DeckReader::imagesNamedIn);
        DeckReader.Reading reading = reader.read(files);
        assertThat(reading.problems()).as("1.1.0 is still valid for the running platform").isEmpty();
        assertThat(reading.deck()).isNotNull();
        Actors.asSystem(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            if (platformDecks.find("juuti", "1.1.0").isEmpty()) {
                platformDecks.insert(reading.deck(), DeckOrigin.CODE, null, null);
            }
        }));
    }
}
