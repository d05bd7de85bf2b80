package fi.arki.ui.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.TargetId;
import fi.arki.session.Joined;
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
import fi.arki.ui.UiIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coverage page a customer-experience lead opens: teams reached, targets, and a pooled rating
 * from a session with enough answers; nothing of another tenant, no answer text.
 */
@UiIntegrationTest
class CoverageViewTests extends SpringBrowserlessTest {

    static final int CLOSING_TARGETS = 6; // juuti closing card: intro, review, nps, ideas, group, vote, targets, pulse
    static final int CLOSING_IDEAS = 3;
    static final int CLOSING_PULSE = 7;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;

    @Autowired fi.arki.session.JoinManagement joins;
    TenantId tenant = TenantId.random();
    TenantId other = TenantId.random();
    Team water;

    @BeforeEach
    void organisation() {
        Actors.asSystem(() -> {
            tenants.create(tenant, "cov-" + tenant.value().toString().substring(0, 8), "Lapin elinvoimakeskus");
            tenants.create(other, "oth-" + other.value().toString().substring(0, 8), "Other organisation");
        });
        Actors.signIn(other, "Other organisation", Role.TENANT_ADMIN);
        directory.createTeam(directory.createUnit("Secret unit").id(), "Secret team");

        Actors.signIn(tenant, "Lapin elinvoimakeskus", Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, this::oneClosedSession);
    }

    void oneClosedSession() {
        decks.enable("juuti", null);
        Unit environment = directory.createUnit("Ympäristö");
        water = directory.createTeam(environment.id(), "Vesitalous");
        directory.createTeam(environment.id(), "Luonnonsuojelu");
        Person lead = directory.addPerson("Fanni Fasilitaattori", null, null);
        directory.addToTeam(water.id(), lead.id(), true);
        SessionInfo session = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(water.id()), "juuti", List.of("closing"),
                SessionMode.ANONYMOUS, null)));
        for (int value : new int[] {5, 4, 4, 3, 5}) {
            Joined guest = joins.join(session.id(), Joiner.guest(null, null, Language.FI));
            participants.writeAnswer(session.id(), guest.participant(), CLOSING_IDEAS, java.util.UUID.randomUUID(), null, "Salainen idea " + value);
            participants.rate(session.id(), guest.participant(), CLOSING_PULSE, value);
        }
        Actors.asSystem(() -> facilitation.commitTarget(session.id(), CLOSING_TARGETS, TargetId.random(), "Asiakaspalautteen kuukausikatsaus",
                lead.id(), null, LocalDate.now().plusMonths(2), null));
        Actors.asSystem(() -> facilitation.close(session.id()));
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void a_lead_sees_teams_reached_the_committed_target_and_the_pooled_pulse_but_no_answer() {
        UI.getCurrent().setLocale(Language.FI.locale());
        TenantContext.runAs(tenant, () -> navigate(CoverageView.class));

        assertThat($(Paragraph.class).id("coverage-reached").getText()).startsWith("1/2 tiimiä on käynyt keskustelun");
        assertThat($(Paragraph.class).id("coverage-counts").getText())
                .isEqualTo("Keskusteluja 1, kehittämiskohteita 1, joista avoinna 1 ja myöhässä 0.");
        NativeTable unit = $(NativeTable.class).all().stream().filter(t -> t.getCaptionText().startsWith("Ympäristö")).findFirst()
                .orElseThrow();
        assertThat(unit.getCaptionText()).isEqualTo("Ympäristö: 1/2 tiimiä mukana");
        assertThat(unit.getElement().getTextRecursively()).contains("Vesitalous", "Luonnonsuojelu", "Juutin", "Toteutusaste");
        assertThat(unit.getBody().getRows().stream().filter(r -> r.getHeaderCells().getFirst().getText().equals("Vesitalous"))
                .findFirst().orElseThrow().getDataCells().getLast().getText())
                .as("Vesitalous' follow-through: its one target is not due yet").isEqualTo("–");
        assertThat($(Paragraph.class).id("coverage-follow-through-note").getText())
                .contains("arvioinut toteutetuiksi", "vähintään 5");
        Div pulse = $(Div.class).id("coverage-rating-0");
        assertThat(pulse.getElement().getTextRecursively())
                .contains("Koko organisaatio: keskiarvo 4,2 (asteikko 1–5) – 5 vastausta 1 keskustelusta");
        assertThat($(Paragraph.class).id("coverage-idea-counts").getText()).as("the idea pipeline in figures, none yet")
                .isEqualTo("Uusia 0 · harkinnassa 0 · hyväksyttyjä 0 · toteutettuja 0 · hylättyjä 0");
        String page = $(CoverageView.class).single().getElement().getTextRecursively();
        assertThat(page).contains("Asiakaspalautteen kuukausikatsaus").doesNotContain("Salainen idea").doesNotContain("Secret");
    }

    @Test
    void swedish_texts_and_a_shorter_period() {
        UI.getCurrent().setLocale(Language.SV.locale());
        TenantContext.runAs(tenant, () -> navigate(CoverageView.class));
        assertThat($(Paragraph.class).id("coverage-reached").getText()).startsWith("1/2 team har fört ett samtal sedan");
        @SuppressWarnings("unchecked")
        var period = (com.vaadin.flow.component.select.Select<Integer>) $(com.vaadin.flow.component.select.Select.class).id("coverage-period");
        test(period).selectItem("3 månader");
        assertThat($(Paragraph.class).id("coverage-counts").getText()).startsWith("Samtal 1,");
    }
}
