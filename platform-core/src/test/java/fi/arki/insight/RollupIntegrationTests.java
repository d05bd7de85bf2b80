package fi.arki.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fi.arki.audit.AuditAction;
import fi.arki.audit.AuditManagement;
import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
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
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.Actors;
import fi.arki.testing.ArkiIntegrationTest;
import fi.arki.testing.TestDeckCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/**
 * The cross-organisation view reads only tenants that opted in, pools their ratings (each already
 * above its own anonymity threshold), names the organisations but no team, person or target, and
 * only the platform administrator sees it.
 */
@ArkiIntegrationTest
@Import(TestDeckCatalog.Config.class)
class RollupIntegrationTests {

    static final int RATE_STEP = 4;

    @Autowired TenantManagement tenants;
    @Autowired TenantSettingsManagement settings;
    @Autowired DirectoryManagement directory;
    @Autowired SessionManagement sessions;
    @Autowired fi.arki.session.SessionStartManagement starts;
    @Autowired fi.arki.session.FacilitationManagement facilitation;
    @Autowired ParticipantManagement participants;
    @Autowired fi.arki.session.JoinManagement joins;
    @Autowired RollupManagement rollups;
    @Autowired AuditManagement audit;

    @AfterEach
    void signOut() {
        Actors.signOut();
    }

    record Org(TenantId tenant, String name, Team team, Person lead) {
    }

    Org organisation(String name, boolean share) {
        TenantId tenant = TenantId.random();
        String unique = name + " " + tenant.value().toString().substring(0, 6);
        tenants.create(tenant, "r-" + tenant.value().toString().substring(0, 8), unique);
        return TenantContext.callAs(tenant, () -> {
            Team team = directory.createTeam(directory.createUnit("Salainen vastuualue").id(), "Salainen tiimi " + name);
            Person lead = directory.addPerson("Salainen vetäjä", null, null);
            directory.grantRole(lead.id(), Role.FACILITATOR);
            directory.addToTeam(team.id(), lead.id(), true);
            if (share) {
                settings.shareInRollup(true);
            }
            return new Org(tenant, unique, team, lead);
        });
    }

    void held(Org org, int... ratings) {
        TenantContext.runAs(org.tenant(), () -> {
            SessionInfo info = Actors.asSystem(() -> starts.startFor(org.lead().id(), new SessionStart(List.of(org.team().id()), TestDeckCatalog.DECK,
                    List.of("competence"), SessionMode.ANONYMOUS, null)));
            for (int value : ratings) {
                Joined guest = joins.join(info.id(), Joiner.guest(null, null, Language.FI));
                participants.rate(info.id(), guest.participant(), RATE_STEP, value);
            }
            Actors.asSystem(() -> facilitation.commitTarget(info.id(), 5, TargetId.random(), "Salainen kehittämiskohde", org.lead().id(), null,
                    LocalDate.now().plusDays(30), null));
            Actors.asSystem(() -> facilitation.close(info.id()));
        });
    }

    @Test
    void only_sharing_organisations_are_read_their_ratings_pool_and_no_team_person_or_target_is_named() {
        Org north = organisation("Pohjoinen", true);
        Org south = organisation("Eteläinen", true);
        Org silent = organisation("Hiljainen", false);
        held(north, 5, 5, 5, 5, 5);
        held(south, 1, 1, 1, 1, 1, 1);
        held(south, 3, 3, 3);            // below the threshold of 5: left out in the south's own coverage
        held(silent, 2, 2, 2, 2, 2, 2, 2);

        Actors.signInAsPlatformAdmin();
        Rollup result = rollups.rollup(Instant.now().minus(1, ChronoUnit.DAYS), Language.FI);

        assertThat(result.organisations()).extracting(Rollup.OrganisationLine::name)
                .contains(north.name(), south.name()).doesNotContain(silent.name());
        assertThat(result.notSharing()).isPositive();
        assertThat(result.organisations()).filteredOn(l -> l.name().equals(south.name())).singleElement().satisfies(l -> {
            assertThat(l.teams()).isEqualTo(1);
            assertThat(l.teamsReached()).isEqualTo(1);
            assertThat(l.sessions()).isEqualTo(2);
            assertThat(l.targetsOpen()).isEqualTo(2);
        });
        assertThat(result.ratings()).singleElement().satisfies(line -> {
            assertThat(line.question()).isEqualTo("Kuinka hyvin osaamistamme hyödynnetään?");
            assertThat(line.organisations()).isEqualTo(2);
            assertThat(line.total().sessions()).as("the south's three-answer session stays out").isEqualTo(2);
            assertThat(line.total().answers()).isEqualTo(11);
            assertThat(line.total().average()).isCloseTo(31.0 / 11, within(1e-9));
            assertThat(line.total().distribution()).isEqualTo(Map.of(1, 6L, 5, 5L));
        });
        assertThat(result.toString()).doesNotContain("Salainen");

        // the silent organisation's administrator opts in: from then on it is read, and the choice is audited
        TenantContext.runAs(silent.tenant(), () -> Actors.asSystem(() -> settings.shareInRollup(true)));
        assertThat(rollups.rollup(Instant.now().minus(1, ChronoUnit.DAYS), Language.FI).ratings()).singleElement()
                .satisfies(line -> assertThat(line.total().answers()).isEqualTo(18));
        assertThat(TenantContext.callAs(silent.tenant(), () -> Actors.asSystem(() -> audit.tenantEntries(50))))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.TENANT_SETTINGS_CHANGED);
                    assertThat(e.detail()).containsEntry("shareInRollup", "true");
                });

        Actors.signIn(north.tenant(), north.name(), Role.TENANT_ADMIN);
        assertThatThrownBy(() -> rollups.rollup(Instant.EPOCH, Language.FI)).isInstanceOf(AccessDeniedException.class);
    }
}
