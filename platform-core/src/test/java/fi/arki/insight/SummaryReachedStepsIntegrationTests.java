package fi.arki.insight;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.session.FacilitationManagement;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionMode;
import fi.arki.session.SessionStart;
import fi.arki.session.SessionStartManagement;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The summary lists only the steps the session reached (issue 11 item 8): a question the
 * facilitator jumped over is not listed as "no answers", a step they went to is, also with nothing
 * written there. The test deck's competence card: intro 0, prompt 1, group 2, vote 3, rate 4, targets 5.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class SummaryReachedStepsIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired SessionStartManagement starts;
    @Autowired FacilitationManagement facilitation;
    @Autowired SummaryManagement summaries;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "sr-" + tenant.value().toString().substring(0, 8), "Lapin elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            team = directory.createTeam(directory.createUnit("Yrityspalvelut").id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
        });
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    @Test
    void a_question_jumped_over_is_not_listed_and_one_gone_to_is_also_when_nobody_wrote() {
        SessionInfo info = as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                List.of("competence"), SessionMode.ANONYMOUS, null)));
        // from the intro straight to the rating, then back to the prompt: group and vote were never opened
        as(() -> { facilitation.goTo(info.id(), 4); return null; });
        as(() -> { facilitation.goTo(info.id(), 1); return null; });
        as(() -> { facilitation.close(info.id()); return null; });

        assertThat(as(() -> sessions.state(info.id())).steps()).extracting(s -> s.index() + ":" + s.opened())
                .containsExactly("0:true", "1:true", "2:false", "3:false", "4:true", "5:false");
        Summary summary = as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI));
        assertThat(summary.sections()).extracting(Summary.Section::kind).containsExactly("prompt", "rate");
    }
}
