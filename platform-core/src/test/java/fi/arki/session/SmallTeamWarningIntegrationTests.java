package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.Unit;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import fi.arki.testing.ArkiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Starting a session for fewer people than the anonymity threshold is warned about (issue 11, item 5). */
@ArkiIntegrationTest
class SmallTeamWarningIntegrationTests {

    @Autowired TenantManagement tenants;
    @Autowired DirectoryManagement directory;
    @Autowired TenantSettingsManagement settings;
    @Autowired StartWarningManagement warnings;

    TenantId tenant = TenantId.random();

    Team team(Unit unit, String name, List<Person> members) {
        Team team = directory.createTeam(unit.id(), name);
        members.forEach(p -> directory.addToTeam(team.id(), p.id(), false));
        return team;
    }

    @Test
    void a_team_smaller_than_the_threshold_gets_a_warning_naming_its_size_and_the_threshold_and_a_big_enough_one_none() {
        tenants.create(tenant, "w-" + tenant.value().toString().substring(0, 8), "Pohjanmaan elinvoimakeskus");
        TenantContext.runAs(tenant, () -> {
            int threshold = settings.current().anonymityThreshold();
            assertThat(threshold).isGreaterThan(2);
            Unit unit = directory.createUnit("Yrityspalvelut");
            List<Person> people = java.util.stream.IntStream.range(0, threshold)
                    .mapToObj(i -> directory.addPerson("Henkilö " + i, null, null)).toList();
            Team small = team(unit, "Pieni", people.subList(0, threshold - 1));
            Team overlapping = team(unit, "Päällekkäinen", people.subList(0, 2));
            Team enough = team(unit, "Riittävä", people);

            assertThat(warnings.smallTeam(List.of(small.id()))).contains(new SmallTeamWarning(threshold - 1, threshold));
            // a person in two of the teams is one person
            assertThat(warnings.smallTeam(List.of(small.id(), overlapping.id()))).contains(new SmallTeamWarning(threshold - 1, threshold));
            assertThat(warnings.smallTeam(List.of(enough.id()))).isEmpty();
            assertThat(warnings.smallTeam(List.of(TeamId.random()))).isEmpty();
        });
    }
}
