package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import fi.arki.directory.Unit;
import fi.arki.followup.TargetId;
import fi.arki.identity.AccountManagement;
import fi.arki.identity.ActingUser;
import fi.arki.testing.Actors;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * An explicit "no new target" on a card's commit step (issue 11 item 1): recorded by the
 * facilitator, carried by the live state, withdrawn when a target is committed after all, audited,
 * and shown in the summary and its exports as a line of its own.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class NoNewTargetIntegrationTests {

    static final int COMMIT = 5;
    static final int PROMPT = 1;

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired SessionStartManagement starts;
    @Autowired FacilitationManagement facilitation;
    @Autowired AccountManagement accounts;
    @Autowired NoNewTargetManagement noNewTarget;
    @Autowired SummaryManagement summaries;
    @Autowired SummaryExports exports;
    @Autowired AuditManagement audit;

    TenantId tenant = TenantId.random();
    Team team;
    Person facilitator;
    Person member;

    @BeforeEach
    void organisation() {
        tenants.create(tenant, "n-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            Unit unit = directory.createUnit("Yrityspalvelut");
            team = directory.createTeam(unit.id(), "Rahoitus");
            facilitator = directory.addPerson("Fanni", null, null);
            directory.grantRole(facilitator.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), facilitator.id(), true);
            // a member with an account: who acts is read from the signed-in account
            member = accounts.createLocalMember("nt-" + tenant.value().toString().substring(0, 8), "Olli", null,
                    "long-enough-password", Set.of());
            directory.addToTeam(team.id(), member.id(), false);
        });
    }

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    <T> T as(ScopedValue.CallableOp<T, RuntimeException> op) {
        return TenantContext.callAs(tenant, op);
    }

    SessionInfo start() {
        return as(() -> starts.startFor(facilitator.id(), new SessionStart(List.of(team.id()), TestDeckCatalog.DECK,
                List.of("competence"), SessionMode.ANONYMOUS, null)));
    }

    List<String> auditedActions() {
        return as(() -> audit.tenantEntries(50)).stream().map(AuditEntry::action).toList();
    }

    @Test
    void recorded_it_is_in_the_live_state_and_a_target_committed_afterwards_withdraws_it() {
        SessionInfo info = start();
        as(() -> { noNewTarget.decide(info.id(), COMMIT); return null; });

        LiveState state = as(() -> sessions.state(info.id()));
        assertThat(state.noNewTarget(COMMIT)).isTrue();
        assertThat(state.noNewTarget(PROMPT)).isFalse();
        assertThat(auditedActions()).contains(AuditAction.NO_NEW_TARGET_DECIDED);

        as(() -> facilitation.commitTarget(info.id(), COMMIT, TargetId.random(), "Palautekierros kuukausittain",
                member.id(), null, LocalDate.now().plusMonths(1), "competence"));

        LiveState after = as(() -> sessions.state(info.id()));
        assertThat(after.noNewTarget(COMMIT)).as("a committed target withdraws the decision").isFalse();
        assertThat(after.version()).isGreaterThan(state.version());
        assertThat(auditedActions()).contains(AuditAction.NO_NEW_TARGET_WITHDRAWN);
        // and with a target committed, "no new target" cannot be recorded again
        assertThatThrownBy(() -> as(() -> { noNewTarget.decide(info.id(), COMMIT); return null; }))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.no-new-target-committed");
    }

    @Test
    void the_facilitator_may_withdraw_it_and_only_a_facilitator_may_record_it_and_only_on_a_commit_step() {
        SessionInfo info = start();
        // a signed-in member of the team, who does not facilitate the session
        Actors.signIn(new ActingUser(member.account(), "Olli", false, tenant, "Pohjanmaan elinvoimakeskus", List.of(Role.FACILITATOR)));
        assertThatThrownBy(() -> as(() -> { noNewTarget.decide(info.id(), COMMIT); return null; }))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.not-facilitator");
        Actors.signOut();
        assertThatThrownBy(() -> as(() -> { noNewTarget.decide(info.id(), PROMPT); return null; }))
                .isInstanceOf(InvalidInputException.class).extracting("messageKey").isEqualTo("session.error.wrong-step");
        assertThat(as(() -> sessions.state(info.id())).noNewTarget(COMMIT)).isFalse();

        as(() -> { noNewTarget.decide(info.id(), COMMIT); return null; });
        as(() -> { noNewTarget.withdraw(info.id(), COMMIT); return null; });
        assertThat(as(() -> sessions.state(info.id())).noNewTarget(COMMIT)).isFalse();
    }

    @Test
    void the_summary_and_every_export_say_no_new_development_target_in_the_viewers_language() throws Exception {
        SessionInfo info = start();
        as(() -> { facilitation.goTo(info.id(), COMMIT); return null; });
        as(() -> { noNewTarget.decide(info.id(), COMMIT); return null; });
        as(() -> { facilitation.close(info.id()); return null; });

        Summary fi = as(() -> summaries.summary(info.id(), facilitator.id(), Language.FI));
        assertThat(fi.targets()).isEmpty();
        assertThat(fi.sections()).filteredOn(s -> s.kind().equals("commit-targets")).singleElement()
                .satisfies(s -> assertThat(s.note()).isEqualTo("Ei uutta kehittämiskohdetta"));
        assertThat(new String(exports.csv(fi), StandardCharsets.UTF_8)).contains("Ei uutta kehittämiskohdetta");
        assertThat(new String(exports.markdown(fi), StandardCharsets.UTF_8)).contains("Ei uutta kehittämiskohdetta");
        Summary en = as(() -> summaries.summary(info.id(), facilitator.id(), Language.EN));
        assertThat(new String(exports.csv(en), StandardCharsets.UTF_8)).contains("No new development target");
        Summary sv = as(() -> summaries.summary(info.id(), facilitator.id(), Language.SV));
        assertThat(new String(exports.markdown(sv), StandardCharsets.UTF_8)).contains("Inget nytt utvecklingsmål");
        assertThat(slideTexts(exports.pptx(sv))).contains("Inget nytt utvecklingsmål");
    }

    /** The XML of every slide of a presentation, where its texts are. */
    static String slideTexts(byte[] pptx) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pptx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().startsWith("ppt/slides/")) {
                    all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }
}
