package fi.arki.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.LiveState;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.SessionRuns;
import fi.arki.testing.SessionRuns.Organisation;
import fi.arki.testing.SessionRuns.Run;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * The idea pipeline on real PostgreSQL with RLS: a team escalates an answer of its closed session,
 * a retry stores it once, the team sees it, a tenant administrator moves it and answers, the team
 * sees the answer; nobody outside the team and no other tenant sees it, and bad input is named.
 * (That the retention purge of the session keeps the idea: RetentionPurgeIntegrationTests.)
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class IdeaPipelineIntegrationTests {

    @Autowired ApplicationContext context;
    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired IdeaManagement ideas;
    @Autowired AuditManagement audit;

    String marker = "IDEA-" + UUID.randomUUID();
    TenantId a = TenantId.random();
    Organisation org;
    Run run;
    LiveState.Answer answer;
    Team otherTeam;
    Person outsider;

    @BeforeEach
    void closedSessionWithAnswers() {
        tenants.create(a, "i-" + a.value().toString().substring(0, 8), "Idea " + a);
        SessionRuns runs = new SessionRuns(context);
        org = runs.organisation(a);
        run = runs.run(org, SessionMode.NAMED, marker, null, true);
        TenantContext.runAs(a, () -> Actors.asSystem(() -> {
            answer = sessions.state(run.id()).answers(SessionRuns.PROMPT).getFirst();
            otherTeam = directory.createTeam(org.unit().id(), "Neuvonta");
            outsider = directory.addPerson("Ulla Ulkopuolinen", null, null);
            directory.grantRole(outsider.id(), Role.MEMBER);
            directory.addToTeam(otherTeam.id(), outsider.id(), false);
        }));
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    <T> T inA(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(a, work::get);
    }

    void inA(Runnable work) {
        TenantContext.runAs(a, work);
    }

    static void refused(String key, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    IdeaDraft fromAnswer(IdeaId id, String text) {
        return new IdeaDraft(id, org.team().id(), run.id().value(), answer.id(), text);
    }

    @Test
    void a_team_escalates_an_answer_once_sees_it_and_sees_what_the_organisation_answered() {
        Actors.signIn(a, "Idea", Role.MEMBER);
        IdeaId id = IdeaId.random();
        Idea stored = inA(() -> ideas.escalate(org.member().id(), fromAnswer(id, "  " + answer.text() + " – muokattu  ")));
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.text()).as("trimmed, as edited").isEqualTo(answer.text() + " – muokattu");
        assertThat(stored.status()).isEqualTo(IdeaStatus.NEW);
        assertThat(stored.response()).isNull();
        assertThat(stored.sessionId()).isEqualTo(run.id().value());
        assertThat(stored.answerId()).isEqualTo(answer.id());

        // the retry after a lost reply, and a second click with a new id, store nothing more
        assertThat(inA(() -> ideas.escalate(org.member().id(), fromAnswer(id, answer.text())))).isEqualTo(stored);
        assertThat(inA(() -> ideas.escalate(org.member().id(), fromAnswer(IdeaId.random(), answer.text())))).isEqualTo(stored);
        List<Idea> seen = inA(() -> ideas.ideasOf(org.member().id(), org.team().id()));
        assertThat(seen).containsExactly(stored);
        assertThat(inA(() -> ideas.ideasFrom(org.member().id(), run.id().value()))).containsExactly(stored);

        // a person of another team sees neither the team's ideas nor which answers it escalated
        Actors.signIn(a, "Idea", Role.MEMBER);
        refused("idea.error.not-allowed", () -> inA(() -> ideas.ideasOf(outsider.id(), org.team().id())));
        assertThat(inA(() -> ideas.ideasFrom(outsider.id(), run.id().value()))).isEmpty();
        refused("idea.error.not-allowed", () -> inA(() -> ideas.escalate(outsider.id(), fromAnswer(IdeaId.random(), "Minäkin"))));
        // members may not handle the pipeline
        assertThatThrownBy(() -> inA(() -> ideas.respond(id, IdeaStatus.ACCEPTED, "Ei käy"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inA(() -> ideas.allIdeas())).isInstanceOf(AccessDeniedException.class);

        Actors.signIn(a, "Idea", Role.TENANT_ADMIN);
        assertThat(inA(() -> ideas.allIdeas())).containsExactly(stored);
        refused("idea.error.response-too-long", () -> inA(() -> ideas.respond(id, IdeaStatus.DECLINED, "x".repeat(2001))));
        refused("idea.error.not-found", () -> inA(() -> ideas.respond(IdeaId.random(), IdeaStatus.DECLINED, null)));
        Idea answered = inA(() -> ideas.respond(id, IdeaStatus.ACCEPTED, " Otetaan ensi vuoden suunnitelmaan. "));
        assertThat(answered.status()).isEqualTo(IdeaStatus.ACCEPTED);
        assertThat(answered.response()).isEqualTo("Otetaan ensi vuoden suunnitelmaan.");
        assertThat(inA(() -> ideas.countsByStatus())).containsEntry(IdeaStatus.ACCEPTED, 1).containsEntry(IdeaStatus.NEW, 0);
        List<AuditEntry> entries = inA(() -> audit.tenantEntries(100));
        assertThat(entries).filteredOn(e -> e.action().equals(AuditAction.IDEA_STATUS_CHANGED)).singleElement().satisfies(e -> {
            assertThat(e.objectId()).isEqualTo(id.toString());
            assertThat(e.detail()).containsEntry("from", "new").containsEntry("to", "accepted").containsEntry("responded", "true");
        });
        assertThat(entries).as("no text of the idea or the response in the audit log")
                .noneMatch(e -> e.toString().contains(marker) || e.toString().contains("suunnitelmaan"));

        Actors.signIn(a, "Idea", Role.MEMBER);
        assertThat(inA(() -> ideas.ideasOf(org.member().id(), org.team().id()))).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(IdeaStatus.ACCEPTED);
            assertThat(i.response()).isEqualTo("Otetaan ensi vuoden suunnitelmaan.");
        });
        // the session's facilitator (a facilitator of the tenant) sees it too
        Actors.signIn(a, "Idea", Role.FACILITATOR);
        assertThat(inA(() -> ideas.ideasOf(org.facilitator().id(), org.team().id()))).hasSize(1);
    }

    @Test
    void a_team_escalates_a_text_of_its_own_and_bad_input_is_named() {
        Actors.signIn(a, "Idea", Role.MEMBER);
        Idea own = inA(() -> ideas.escalate(org.member().id(), new IdeaDraft(IdeaId.random(), org.team().id(), null, null,
                "Asiakaspalautteen koonti kerran kuussa")));
        assertThat(own.sessionId()).isNull();
        assertThat(inA(() -> ideas.ideasOf(org.member().id(), org.team().id()))).containsExactly(own);
        refused("idea.error.not-allowed", () -> inA(() -> ideas.escalate(outsider.id(),
                new IdeaDraft(IdeaId.random(), org.team().id(), null, null, "Ei minun tiimini"))));

        refused("idea.error.text-empty", () -> inA(() -> ideas.escalate(org.member().id(), fromAnswer(IdeaId.random(), "   "))));
        refused("idea.error.text-too-long", () -> inA(() -> ideas.escalate(org.member().id(), fromAnswer(IdeaId.random(), "x".repeat(2001)))));
        refused("idea.error.team-unknown", () -> inA(() -> ideas.escalate(org.member().id(),
                new IdeaDraft(IdeaId.random(), new fi.arki.directory.TeamId(UUID.randomUUID()), null, null, "Idea"))));
        refused("idea.error.session-unknown", () -> inA(() -> ideas.escalate(org.member().id(),
                new IdeaDraft(IdeaId.random(), org.team().id(), UUID.randomUUID(), null, "Idea"))));
        refused("idea.error.team-not-in-session", () -> inA(() -> ideas.escalate(outsider.id(),
                new IdeaDraft(IdeaId.random(), otherTeam.id(), run.id().value(), answer.id(), "Idea"))));
        refused("idea.error.answer-unknown", () -> inA(() -> ideas.escalate(org.member().id(),
                new IdeaDraft(IdeaId.random(), org.team().id(), run.id().value(), UUID.randomUUID(), "Idea"))));
        Run running = new SessionRuns(context).run(org, SessionMode.NAMED, marker + " käynnissä", null, false);
        refused("idea.error.session-unknown", () -> inA(() -> ideas.escalate(org.member().id(),
                new IdeaDraft(IdeaId.random(), org.team().id(), running.id().value(), null, "Vielä käynnissä"))));
        assertThat(inA(() -> ideas.ideasOf(org.member().id(), org.team().id()))).as("nothing refused was stored").containsExactly(own);

        Actors.signIn(a, "Idea", Role.TENANT_ADMIN);
        inA(() -> ideas.delete(own.id()));
        assertThat(inA(() -> ideas.allIdeas())).isEmpty();
        assertThat(inA(() -> audit.tenantEntries(100))).anyMatch(e -> e.action().equals(AuditAction.DELETED)
                && "idea".equals(e.objectType()) && own.id().toString().equals(e.objectId()));
    }

    @Test
    void another_tenant_sees_nothing_of_the_ideas() {
        Actors.signIn(a, "Idea", Role.MEMBER);
        Idea stored = inA(() -> ideas.escalate(org.member().id(), fromAnswer(IdeaId.random(), marker + " idea")));

        TenantId b = TenantId.random();
        Actors.asSystem(() -> tenants.create(b, "j-" + b.value().toString().substring(0, 8), "Other " + b));
        Person bAdmin = TenantContext.callAs(b, () -> Actors.asSystem(() -> directory.addPerson("B Admin", null, null)));
        Actors.signIn(b, "Other", Role.TENANT_ADMIN);
        TenantContext.runAs(b, () -> {
            assertThat(ideas.allIdeas()).isEmpty();
            assertThat(ideas.ideasOf(bAdmin.id(), org.team().id())).isEmpty();
            assertThat(ideas.ideasFrom(bAdmin.id(), run.id().value())).isEmpty();
            assertThat(ideas.countsByStatus().values()).allMatch(n -> n == 0);
            refused("idea.error.not-found", () -> ideas.respond(stored.id(), IdeaStatus.DECLINED, marker));
            refused("idea.error.not-found", () -> ideas.delete(stored.id()));
            refused("idea.error.team-unknown", () -> ideas.escalate(bAdmin.id(), fromAnswer(IdeaId.random(), "Vieras")));
        });
        Actors.signIn(a, "Idea", Role.TENANT_ADMIN);
        assertThat(inA(() -> ideas.allIdeas())).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(IdeaStatus.NEW);
            assertThat(i.text()).isEqualTo(marker + " idea");
        });
        Map<IdeaStatus, Integer> counts = inA(() -> ideas.countsByStatus());
        assertThat(counts).containsEntry(IdeaStatus.NEW, 1);
    }
}
