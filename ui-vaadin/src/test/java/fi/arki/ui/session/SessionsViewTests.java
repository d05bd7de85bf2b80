package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import fi.arki.deck.DeckManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.TargetId;
import fi.arki.identity.ActingUser;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.shared.AccountId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.TestDatabase;
import fi.arki.ui.UiIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A member's sessions page lists their teams' open development targets, soonest first, overdue marked; no other team's. */
@UiIntegrationTest
class SessionsViewTests extends SpringBrowserlessTest {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired DeckManagement decks;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired fi.arki.identity.AccountManagement accounts;

    TenantId tenant = TenantId.random();
    AccountId memberAccount;
    TargetId late = TargetId.random();

    @BeforeEach
    void targets() throws Exception {
        Actors.asSystem(() -> tenants.create(tenant, "st-" + tenant.value().toString().substring(0, 8), "Lapin elinvoimakeskus"));
        Actors.signIn(tenant, "Lapin elinvoimakeskus", Role.TENANT_ADMIN, Role.FACILITATOR);
        TenantContext.runAs(tenant, () -> {
            decks.enable("juuti", null);
            var unit = directory.createUnit("Ympäristö");
            Team water = directory.createTeam(unit.id(), "Vesitalous");
            Team nature = directory.createTeam(unit.id(), "Luonnonsuojelu");
            Person member = accounts.createLocalMember("st-" + tenant.value().toString().substring(0, 8), "Maija Jäsen", null,
                    "long-enough-password", java.util.Set.of(Role.MEMBER));
            memberAccount = member.account();
            directory.addToTeam(water.id(), member.id(), false);
            Person lead = directory.addPerson("Fanni Fasilitaattori", null, null);
            directory.addToTeam(water.id(), lead.id(), true);
            directory.addToTeam(nature.id(), lead.id(), true);
            commit(lead, water, TargetId.random(), "Asiakaspalautteen kuukausikatsaus", LocalDate.now().plusMonths(2));
            commit(lead, water, late, "Yhteinen asiakaslista", LocalDate.now().plusDays(3));
            commit(lead, nature, TargetId.random(), "Toisen tiimin kohde", LocalDate.now().plusMonths(1));
        });
        try (Connection c = TestDatabase.superuser().getConnection();
             PreparedStatement moveDue = c.prepareStatement("update development_target set due_date = current_date - 2 where id = ?")) {
            moveDue.setObject(1, late.value());
            assertThat(moveDue.executeUpdate()).isEqualTo(1);
        }
        Actors.signIn(new ActingUser(memberAccount, "Maija Jäsen", false, tenant, "Lapin elinvoimakeskus", List.of(Role.MEMBER)));
        accounts.changeOwnPassword("long-enough-password", "a-password-of-her-own"); // else the first page is the password change
    }

    void commit(Person lead, Team team, TargetId id, String title, LocalDate due) {
        SessionInfo session = Actors.asSystem(() -> starts.startFor(lead.id(), new SessionStart(List.of(team.id()), "juuti", List.of("closing"),
                SessionMode.NAMED, null)));
        Actors.asSystem(() -> facilitation.commitTarget(session.id(), 6, id, title, lead.id(), null, due, null)); // closing: intro, review, nps, ideas, group, vote, targets
        Actors.asSystem(() -> facilitation.close(session.id()));
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void the_members_teams_open_targets_soonest_first_with_the_overdue_one_marked() {
        UI.getCurrent().setLocale(Language.FI.locale());
        TenantContext.runAs(tenant, () -> navigate(SessionsView.class));

        Section mine = $(Section.class).id("my-targets");
        List<String> items = $(ListItem.class, mine).all().stream().map(i -> i.getElement().getTextRecursively()).toList();
        assertThat(items).hasSize(2);
        assertThat(items.get(0)).startsWith("Yhteinen asiakaslista").contains("Myöhässä: määräaika oli").contains("Vesitalous");
        assertThat(items.get(1)).startsWith("Asiakaspalautteen kuukausikatsaus").doesNotContain("Myöhässä");
        assertThat(mine.getElement().getTextRecursively()).doesNotContain("Toisen tiimin kohde");
    }
}
