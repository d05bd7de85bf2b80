package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.session.Joiner;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.TestDeckCatalog;
import fi.arki.ui.UiIntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The console's "suggest groups" on a grouping step: a suggestion is shown with its answers, rejected or accepted (issue 11, item 3). */
@UiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class GroupSuggestionsViewTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;

    @Autowired fi.arki.session.JoinManagement joins;
    TenantId tenant = TenantId.random();
    String n = tenant.value().toString().substring(0, 8);
    Person fanni;
    SessionInfo session;
    UUID feedback1 = UUID.randomUUID();
    UUID feedback2 = UUID.randomUUID();
    static final int PROMPT = 1;
    static final int GROUP = 2;

    @BeforeEach
    void groupingStep() {
        Actors.asSystem(() -> tenants.create(tenant, "gs-" + n, "Kainuun elinvoimakeskus"));
        Actors.asSystem(() -> TenantContext.runAs(tenant, () -> {
            var unit = directory.createUnit("Yrityspalvelut");
            Team team = directory.createTeam(unit.id(), "Rahoitus");
            fanni = accounts.createLocalMember("gs-f-" + n, "Fanni Fasilitaattori", null, "long-enough-password", Set.of(Role.FACILITATOR));
            directory.addToTeam(team.id(), fanni.id(), true);
            session = starts.startFor(fanni.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK, List.of("competence"),
                    SessionMode.ANONYMOUS, null));
            var a = joins.join(session.id(), Joiner.guest(null, null, Language.FI));
            var b = joins.join(session.id(), Joiner.guest(null, null, Language.FI));
            participants.writeAnswer(session.id(), a.participant(), PROMPT, feedback1, null, "Asiakkaat antavat palautetta liian harvoin");
            participants.writeAnswer(session.id(), b.participant(), PROMPT, feedback2, null, "Palautteen saaminen asiakkailta on hidasta");
            participants.writeAnswer(session.id(), b.participant(), PROMPT, UUID.randomUUID(), null, "Kokouksia on liikaa");
            facilitation.goTo(session.id(), GROUP);
        }));
        Actors.signIn(new ActingUser(fanni.account(), "Fanni Fasilitaattori", false, tenant, "Kainuun elinvoimakeskus",
                List.of(Role.FACILITATOR)));
        accounts.changeOwnPassword("long-enough-password", "a-password-of-her-own"); // else the first page is the password change
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    /** The console renders the live state from its own thread (UI.access); the queued render runs at a round trip. */
    void showsTheGroupingStep() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).pollInSameThread().untilAsserted(() -> {
            roundTrip();
            assertThat($(Button.class).withId("group-suggest").exists()).isTrue();
        });
    }

    @Test
    void a_rejected_suggestion_goes_away_and_an_accepted_one_becomes_a_group() {
        UI.getCurrent().setLocale(Language.SV.locale());
        TenantContext.runAs(tenant, () -> {
            navigate("sessions/" + session.id() + "/facilitate", FacilitatorView.class);
            showsTheGroupingStep();
            Button ask = $(Button.class).id("group-suggest");
            assertThat(ask.getText()).isEqualTo("Föreslå grupper");

            test(ask).click();
            Div suggestion = $(Div.class).id("suggestion-0");
            assertThat(suggestion.getElement().getTextRecursively()).contains("Asiakkaat antavat palautetta liian harvoin",
                    "Palautteen saaminen asiakkailta on hidasta").doesNotContain("Kokouksia on liikaa");

            test($(Button.class).id("suggestion-reject-0")).click();
            assertThat($(Div.class).withId("suggestion-0").exists()).isFalse();
            test(ask).click();
            assertThat($(Div.class).id("group-suggestion-list").getElement().getTextRecursively())
                    .as("a rejected suggestion is not offered again").contains("Inga förslag");

            // a new console (another page, then back) offers it again; accepted, it is a group holding both answers
            navigate(SessionsView.class);
            navigate("sessions/" + session.id() + "/facilitate", FacilitatorView.class);
            showsTheGroupingStep();
            test($(Button.class).id("group-suggest")).click();
            test($(Button.class).id("suggestion-accept-0")).click();
            var state = sessions.state(session.id());
            assertThat(state.groups(GROUP)).singleElement().satisfies(g -> {
                assertThat(state.grouping(GROUP)).containsEntry(feedback1, g.id()).containsEntry(feedback2, g.id()).hasSize(2);
            });
        });
    }
}
