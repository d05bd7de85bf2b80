package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.followup.Idea;
import fi.arki.followup.IdeaDraft;
import fi.arki.followup.IdeaId;
import fi.arki.followup.IdeaManagement;
import fi.arki.followup.IdeaStatus;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.SessionRuns;
import fi.arki.testing.TestDeckCatalog;
import fi.arki.ui.UiIntegrationTest;
import fi.arki.ui.admin.IdeasView;
import fi.arki.ui.views.OrganisationView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The idea pipeline in the views, without a browser: a member escalates an answer from the summary
 * (edited first; an empty text is refused on the field), the answer then shows as escalated, the
 * team's page lists the idea, an administrator answers it in the ideas view, and the team sees the
 * answer; a member of another team sees none of it.
 */
@UiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class IdeaPipelineViewsTests extends SpringBrowserlessTest {

    @Autowired ApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired AccountManagement accounts;
    @Autowired SessionManagement sessions;
    @Autowired IdeaManagement ideas;

    TenantId tenant = TenantId.random();
    String tenantName = "Kainuun elinvoimakeskus";
    String n = tenant.value().toString().substring(0, 8);
    SessionRuns.Organisation org;
    SessionRuns.Run run;
    UUID answer;
    String answerText;
    Person maija;
    Person outsider;
    Team otherTeam;

    @BeforeEach
    void closedSession() {
        Actors.asSystem(() -> tenants.create(tenant, "ip-" + n, tenantName));
        SessionRuns runs = new SessionRuns(context);
        org = runs.organisation(tenant);
        run = runs.run(org, SessionMode.NAMED, "Idea-" + n, null, true);
        Actors.asSystem(() -> TenantContext.runAs(tenant, () -> {
            var first = sessions.state(run.id()).answers(SessionRuns.PROMPT).getFirst();
            answer = first.id();
            answerText = first.text();
            maija = accounts.createLocalMember("ip-m-" + n, "Maija Jäsen", null, "long-enough-password", Set.of(Role.MEMBER));
            directory.addToTeam(org.team().id(), maija.id(), false);
            otherTeam = directory.createTeam(org.unit().id(), "Neuvonta");
            outsider = accounts.createLocalMember("ip-o-" + n, "Ulla Ulkopuolinen", null, "long-enough-password", Set.of(Role.MEMBER));
            directory.addToTeam(otherTeam.id(), outsider.id(), false);
        }));
    }

    void signInAs(Person person, String name) {
        Actors.signIn(new ActingUser(person.account(), name, false, tenant, tenantName, List.of(Role.MEMBER)));
        accounts.changeOwnPassword("long-enough-password", "a-password-of-their-own"); // else the first page is the password change
        UI.getCurrent().setLocale(Language.FI.locale());
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    @Test
    void a_member_escalates_an_edited_answer_from_the_summary_and_sees_it_on_the_teams_page() {
        signInAs(maija, "Maija Jäsen");
        TenantContext.runAs(tenant, () -> {
            navigate("sessions/" + run.id() + "/summary", SummaryView.class);
            test($(Button.class).id("escalate-" + answer)).click();
            TextArea text = $(TextArea.class).id("escalate-text-" + answer);
            assertThat(text.getValue()).as("the answer's text, to edit").isEqualTo(answerText);
            assertThat($(Select.class).all()).as("one team: nothing to choose")
                    .noneMatch(select -> ("escalate-team-" + answer).equals(select.getId().orElse(null)));

            test(text).setValue("   ");
            test($(Button.class).id("escalate-send-" + answer)).click();
            assertThat(text.isInvalid()).isTrue();
            assertThat(text.getErrorMessage()).isEqualTo("Kirjoita idea.");
            assertThat(ideas.ideasOf(maija.id(), org.team().id())).as("nothing stored").isEmpty();

            test(text).setValue(answerText + " – kokeillaan keväällä");
            test($(Button.class).id("escalate-send-" + answer)).click();
            assertThat(ideas.ideasOf(maija.id(), org.team().id())).singleElement().satisfies(i -> {
                assertThat(i.text()).isEqualTo(answerText + " – kokeillaan keväällä");
                assertThat(i.answerId()).isEqualTo(answer);
            });
            assertThat($(Button.class).all()).as("no answer escalated twice").noneMatch(b -> ("escalate-" + answer).equals(b.getId().orElse(null)));

            // coming back, the answer shows as escalated
            navigate("sessions/" + run.id() + "/summary", SummaryView.class);
            assertThat(getCurrentView().getElement().getTextRecursively()).contains("Nostettu ideaksi: Uusi");
            assertThat($(Button.class).all()).noneMatch(b -> ("escalate-" + answer).equals(b.getId().orElse(null)));

            navigate(SessionsView.class);
            Section mine = $(Section.class).id("my-ideas");
            assertThat(mine.getElement().getTextRecursively()).contains(answerText + " – kokeillaan keväällä").contains("Uusi")
                    .contains("Ei vielä vastausta.");

            // and a text of the team's own
            test($(TextArea.class).id("new-idea-text")).setValue("Asiakaspalautteen koonti kerran kuussa");
            test($(Button.class).id("new-idea-send")).click();
            assertThat(ideas.ideasOf(maija.id(), org.team().id())).extracting(Idea::text).contains("Asiakaspalautteen koonti kerran kuussa");
            assertThat($(Section.class).id("my-ideas").getElement().getTextRecursively()).contains("Asiakaspalautteen koonti kerran kuussa");
        });
    }

    @Test
    void an_administrator_answers_an_idea_and_the_team_sees_the_answer_and_another_team_sees_nothing() {
        IdeaId id = IdeaId.random();
        Actors.asSystem(() -> TenantContext.runAs(tenant, () ->
                ideas.escalate(org.member().id(), new IdeaDraft(id, org.team().id(), run.id().value(), answer, answerText))));

        Actors.signIn(tenant, tenantName, Role.TENANT_ADMIN);
        UI.getCurrent().setLocale(Language.FI.locale());
        TenantContext.runAs(tenant, () -> {
            navigate(IdeasView.class);
            assertThat($(Paragraph.class).id("ideas-counts").getText()).startsWith("Uusia 1");
            ListItem item = $(ListItem.class).id("idea-" + id);
            assertThat(item.getElement().getTextRecursively()).contains(answerText).contains(org.team().name())
                    .contains("Keskustelusta").doesNotContain("Olli Osallistuja");
            @SuppressWarnings("unchecked")
            Select<IdeaStatus> status = $(Select.class).id("idea-status-" + id);
            status.setValue(IdeaStatus.ACCEPTED);
            test($(TextArea.class).id("idea-response-" + id)).setValue("Otetaan ensi vuoden suunnitelmaan.");
            test($(Button.class).id("idea-save-" + id)).click();
            assertThat($(Section.class).id("ideas-accepted").getElement().getTextRecursively()).contains(answerText);
            assertThat($(Paragraph.class).id("ideas-counts").getText()).contains("hyväksyttyjä 1");
        });
        Idea answered = Actors.asSystem(() -> TenantContext.callAs(tenant, () -> ideas.ideasOf(org.member().id(), org.team().id()))).getFirst();
        assertThat(answered.status()).isEqualTo(IdeaStatus.ACCEPTED);
        assertThat(answered.response()).isEqualTo("Otetaan ensi vuoden suunnitelmaan.");

        signInAs(maija, "Maija Jäsen");
        TenantContext.runAs(tenant, () -> {
            navigate(SessionsView.class);
            assertThat($(Section.class).id("my-ideas").getElement().getTextRecursively()).contains(answerText).contains("Hyväksytty")
                    .contains("Organisaation vastaus: Otetaan ensi vuoden suunnitelmaan.");
        });

        signInAs(outsider, "Ulla Ulkopuolinen");
        TenantContext.runAs(tenant, () -> {
            navigate(OrganisationView.class); // Vaadin keeps a view it is asked to show again: leave it first
            navigate(SessionsView.class);
            Section theirs = $(Section.class).id("my-ideas");
            assertThat($(ListItem.class, theirs).all()).as("another team's ideas").isEmpty();
            assertThat(theirs.getElement().getTextRecursively()).doesNotContain(answerText);
            assertThat($(Paragraph.class, theirs).all()).extracting(Paragraph::getText).contains("Tiimisi eivät ole vielä nostaneet ideoita.");
        });
    }

}
