package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.TargetId;
import fi.arki.insight.Summary;
import fi.arki.insight.SummaryExports;
import fi.arki.insight.SummaryManagement;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDatabase;
import fi.arki.testing.TestDeckCatalog;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class LiveSessionIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired LiveStates states;
    @Autowired SessionBroadcaster broadcaster;
    @Autowired SummaryManagement summaries;
    @Autowired SummaryExports exports;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;
    Person member;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "s-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
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

    SessionInfo start(SessionMode mode, List<String> cards) {
        return as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, cards, mode, null)));
    }

    @Test
    void an_answer_is_stored_once_however_often_it_is_retried_and_a_locked_step_refuses_new_ones() {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of("competence"));
        assertThat(info.joinCode()).matches("[2-9A-HJ-NP-Z]{6}");
        assertThat(starts.resolve(info.joinCode().toLowerCase().substring(0, 3) + " " + info.joinCode().substring(3)))
                .get().extracting(JoinTarget::session).isEqualTo(info.id());

        Joined joined = as(() -> joins.join(info.id(), Joiner.member(member.id(), "Olli", Language.FI)));
        UUID answer = UUID.randomUUID();
        long first = as(() -> participants.writeAnswer(info.id(), joined.participant(), 1, answer, null, "Asiakkaat opettavat"));
        long again = as(() -> participants.writeAnswer(info.id(), joined.participant(), 1, answer, null, "Asiakkaat opettavat"));
        assertThat(again).isEqualTo(first);
        as(() -> participants.writeAnswer(info.id(), joined.participant(), 1, answer, null, "Asiakkaat opettavat paljon"));

        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.answers(1)).extracting(LiveState.Answer::text).containsExactly("Asiakkaat opettavat paljon");
        assertThat(state.participants()).singleElement().satisfies(p -> assertThat(p.name()).isNull());
        assertThat(rows("select person_id from participant where session_id = '" + info.id() + "'")).containsExactly((Object) null);

        as(() -> { facilitation.lock(info.id(), 1, true); return null; });
        assertThatThrownBy(() -> as(() -> participants.writeAnswer(info.id(), joined.participant(), 1, UUID.randomUUID(), null, "Myöhässä")))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.step-locked");
        assertThat(joins.resume(info.id(), joined.token())).isEmpty(); // needs the tenant: RLS hides the row
        assertThat(as(() -> joins.resume(info.id(), joined.token()))).contains(joined.participant());
        assertThat(as(() -> joins.resume(info.id(), joined.participant().value() + ".wrong"))).isEmpty();
    }

    @Test
    void a_journey_map_takes_as_many_touchpoints_per_stage_as_the_decks_setting_allows_and_a_retry_is_not_refused() {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of("service"));
        Joined joined = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)));
        int journey = 1;
        UUID first = UUID.randomUUID();
        var pre = fi.arki.deck.Activity.JourneyStage.values()[0];
        var core = fi.arki.deck.Activity.JourneyStage.values()[1];
        var own = fi.arki.deck.Activity.TouchpointOwner.values()[0];
        as(() -> participants.addTouchpoint(info.id(), joined.participant(), journey, first, pre, own, "Verkkosivut", 3, 4));
        as(() -> participants.addTouchpoint(info.id(), joined.participant(), journey, UUID.randomUUID(), pre, own, "Puhelu", 2, 5));
        assertThatThrownBy(() -> as(() -> participants.addTouchpoint(info.id(), joined.participant(), journey, UUID.randomUUID(),
                pre, own, "Kolmas", 3, 3)))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.touchpoints-full");
        // the same touchpoint sent again (its reply was lost) is no error, and is not stored twice
        assertThat(as(() -> participants.addTouchpoint(info.id(), joined.participant(), journey, first, pre, own, "Verkkosivut", 3, 4)))
                .isZero();
        as(() -> participants.addTouchpoint(info.id(), joined.participant(), journey, UUID.randomUUID(), core, own, "Tapaaminen", 4, 3));

        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.touchpointsPerStage()).isEqualTo(2);
        assertThat(state.touchpoints(journey)).extracting(LiveState.Touchpoint::label)
                .containsExactlyInAnyOrder("Verkkosivut", "Puhelu", "Tapaaminen");
        assertThat(state.stageFull(journey, pre)).isTrue();
        assertThat(state.stageFull(journey, core)).isFalse();
    }

    @Test
    void votes_stay_within_the_budget_and_ratings_show_nothing_below_the_anonymity_threshold() {
        SessionInfo info = start(SessionMode.NAMED, List.of("competence"));
        List<Joined> people = as(() -> List.of(
                joins.join(info.id(), Joiner.guest("Gun", null, Language.SV)),
                joins.join(info.id(), Joiner.guest("Gary", null, Language.EN)),
                joins.join(info.id(), Joiner.member(member.id(), "Olli", Language.FI))));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        as(() -> participants.writeAnswer(info.id(), people.get(0).participant(), 1, a, null, "Palaute viikoittain"));
        as(() -> participants.writeAnswer(info.id(), people.get(1).participant(), 1, b, null, "Yhteiset asiakkaat"));
        as(() -> participants.setDots(info.id(), people.get(0).participant(), 3, a, 2));
        as(() -> participants.setDots(info.id(), people.get(0).participant(), 3, b, 1));
        assertThatThrownBy(() -> as(() -> participants.setDots(info.id(), people.get(0).participant(), 3, b, 2)))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.budget");
        as(() -> participants.setDots(info.id(), people.get(0).participant(), 3, a, 2)); // same again: no change

        for (Joined p : people) {
            as(() -> participants.rate(info.id(), p.participant(), 4, 4));
        }
        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.totals(3)).containsEntry(a, 2).containsEntry(b, 1);
        assertThat(state.result(4, fi.arki.deck.RatingScale.SCALE_1_5)).isEmpty(); // 3 < threshold 5
        assertThat(state.participants()).extracting(LiveState.Participant::name).containsExactlyInAnyOrder("Gun", "Gary", "Olli");
    }

    @Test
    void the_summary_and_its_exports_hold_exactly_what_was_written_and_only_the_team_sees_it() throws Exception {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of());
        Joined guest = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.FI)));
        String evil = "<script>alert('x')</script> & \"quotes\", commas";
        as(() -> participants.writeAnswer(info.id(), guest.participant(), 1, UUID.randomUUID(), null, evil));
        as(() -> participants.writeAnswer(info.id(), guest.participant(), 6, UUID.randomUUID(), Lane.STOP, "Pompottelu yksiköiden välillä"));
        TargetId target = TargetId.random();
        as(() -> facilitation.commitTarget(info.id(), 5, target, "Palautekierros kuukausittain", member.id(), null,
                LocalDate.now().plusMonths(1), "competence"));
        as(() -> facilitation.commitTarget(info.id(), 5, target, "Palautekierros kuukausittain", member.id(), null,
                LocalDate.now().plusMonths(1), "competence")); // retried: still one
        // the snapshot every screen renders from names the owner (phones have no directory to look the person up in)
        assertThat(as(() -> sessions.state(info.id())).committedTargets()).singleElement()
                .satisfies(t -> assertThat(t.ownerName()).isEqualTo("Olli"));
        as(() -> { facilitation.goTo(info.id(), 4); return null; }); // the rating was reached, unanswered
        as(() -> { facilitation.close(info.id()); return null; });
        assertThat(starts.resolve(info.joinCode())).isEmpty();

        Summary summary = as(() -> summaries.summary(info.id(), member.id(), Language.FI));
        assertThat(summary.targets()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Palautekierros kuukausittain");
            assertThat(t.owner()).isEqualTo("Olli");
            assertThat(t.dimension()).isEqualTo("Osaaminen");
        });
        assertThat(summary.sections()).flatExtracting(Summary.Section::rows).extracting(Summary.Row::text)
                .contains(evil, "Pompottelu yksiköiden välillä");
        assertThat(summary.sections()).filteredOn(s -> s.kind().equals("rate")).singleElement()
                .extracting(Summary.Section::note).asString().contains("Alle 5");

        String csv = new String(exports.csv(summary), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"<script>alert('x')</script> & \"\"quotes\"\", commas\"").contains("Palautekierros kuukausittain");
        String markdown = new String(exports.markdown(summary), StandardCharsets.UTF_8);
        assertThat(markdown).contains("Palautekierros kuukausittain").contains("Pompottelu yksiköiden välillä");
        assertThat(new String(exports.pptx(summary), StandardCharsets.ISO_8859_1)).startsWith("PK");
        assertThat(new String(exports.pdf(summary), StandardCharsets.ISO_8859_1)).startsWith("%PDF");

        Person stranger = as(() -> directory.addPerson("Stranger", null, null));
        assertThatThrownBy(() -> as(() -> summaries.summary(info.id(), stranger.id(), Language.FI)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_summary_lists_only_the_steps_the_session_reached_under_the_title_in_the_readers_language() throws Exception {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of()); // the whole deck, untitled
        Joined guest = as(() -> joins.join(info.id(), Joiner.guest(null, null, Language.SV)));
        as(() -> participants.writeAnswer(info.id(), guest.participant(), 1, UUID.randomUUID(), null, "Kunderna lär oss"));
        as(() -> { facilitation.goTo(info.id(), 2); return null; }); // opened the grouping, then stopped
        as(() -> { facilitation.close(info.id()); return null; });

        Summary sv = as(() -> summaries.summary(info.id(), member.id(), Language.SV));
        assertThat(sv.title()).as("the default title in the reader's language").isEqualTo("Juutis sex dimensioner (test)");
        assertThat(as(() -> summaries.summary(info.id(), member.id(), Language.FI)).title()).isEqualTo(info.title())
                .isEqualTo("Juutin kuusi ulottuvuutta (testi)");
        // the prompt and the (empty) grouping it reached; nothing of the vote, rating or service card it never opened
        assertThat(sv.sections()).extracting(Summary.Section::kind).containsExactly("prompt", "group");
        String markdown = new String(exports.markdown(sv), StandardCharsets.UTF_8);
        assertThat(markdown).contains("Juutis sex dimensioner (test)", "Kunderna lär oss")
                .doesNotContain("Vilka är viktigast?", "Service");
        assertThat(exports.fileName(sv, "pdf")).isEqualTo("Juutis-sex-dimensioner-test-"
                + sv.started().atZone(java.time.ZoneId.of("Europe/Helsinki")).toLocalDate() + ".pdf");
    }

    @Test
    void a_change_is_announced_after_commit_and_the_shared_state_is_read_again() {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of("competence"));
        List<SessionBroadcaster.Change> heard = new CopyOnWriteArrayList<>();
        try (var subscription = broadcaster.subscribe(tenant, info.id(), heard::add)) {
            assertThat(as(() -> states.current(info.id())).currentStep()).isZero();
            as(() -> { facilitation.goTo(info.id(), 2); return null; });
            await().until(() -> !heard.isEmpty());
            assertThat(as(() -> states.current(info.id())).currentStep()).isEqualTo(2);
            // who may move the session (the signed-in facilitators only): ActingFacilitatorIntegrationTests
        }
    }

    @Test
    void an_idle_session_closes_itself_once_even_when_two_nodes_check_at_the_same_time() {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of("competence"));
        exec("update live_session set last_activity_at = now() - interval '9 hours' where id = '" + info.id() + "'");
        boolean first = as(() -> facilitation.closeIfIdle(info.id(), Duration.ofHours(8)));
        boolean second = as(() -> facilitation.closeIfIdle(info.id(), Duration.ofHours(8)));
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(as(() -> sessions.find(info.id())).orElseThrow().status()).isEqualTo(SessionStatus.CLOSED);
        SessionInfo fresh = start(SessionMode.ANONYMOUS, List.of("competence"));
        assertThat(as(() -> facilitation.closeIfIdle(fresh.id(), Duration.ofHours(8)))).isFalse();
    }

    @Test
    void the_lead_adds_a_co_facilitator_and_hands_the_session_over() {
        SessionInfo info = start(SessionMode.ANONYMOUS, List.of("competence"));
        Person co = as(() -> {
            Person p = directory.addPerson("Kaisa", null, null);
            directory.grantRole(p.id(), Role.FACILITATOR);
            return p;
        });
        assertThatThrownBy(() -> as(() -> { facilitation.addCoFacilitator(info.id(), member.id()); return null; }))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.not-a-facilitator-person");
        as(() -> { facilitation.addCoFacilitator(info.id(), co.id()); return null; });
        as(() -> { facilitation.goTo(info.id(), 1); return null; });
        // that only the lead may hand over is ActingFacilitatorIntegrationTests' (who acts comes from the signed-in user)
        as(() -> { facilitation.handOver(info.id(), co.id()); return null; });
        SessionInfo after = as(() -> sessions.find(info.id())).orElseThrow();
        assertThat(after.lead()).isEqualTo(co.id());
        assertThat(after.facilitators()).containsExactlyInAnyOrder(co.id(), facilitator.id());
        assertThat(as(() -> sessions.state(info.id())).currentStep()).isEqualTo(1);
    }

    @Test
    void another_tenant_sees_nothing_of_the_session() {
        SessionInfo info = start(SessionMode.NAMED, List.of("competence"));
        TenantId other = TenantId.random();
        tenants.create(other, "o-" + other.value().toString().substring(0, 8), "Other");
        TenantContext.runAs(other, () -> {
            assertThat(sessions.find(info.id())).isEmpty();
            assertThatThrownBy(() -> sessions.state(info.id())).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> joins.join(info.id(), Joiner.guest("Eve", null, Language.EN)))
                    .isInstanceOf(InvalidInputException.class);
        });
    }

    static List<Object> rows(String sql) {
        try (Connection c = TestDatabase.superuser().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<Object> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void exec(String sql) {
        try (Connection c = TestDatabase.superuser().getConnection()) {
            c.createStatement().execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
