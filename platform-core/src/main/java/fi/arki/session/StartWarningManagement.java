package fi.arki.session;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.TeamId;
import fi.arki.shared.AccessRoles;
import fi.arki.tenancy.TenantSettingsManagement;
import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a facilitator should know before starting a session, so the start form (and the console)
 * can say it: today, that the teams have fewer members than the tenant's anonymity threshold, so
 * ratings and pulses will show nothing unless guests make up the difference.
 */
@Service
@Transactional(readOnly = true)
public class StartWarningManagement {

    private final DirectoryManagement directory;
    private final TenantSettingsManagement settings;

    StartWarningManagement(DirectoryManagement directory, TenantSettingsManagement settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * A warning when the teams (of the bound tenant; others' are not counted) have fewer members,
     * counted once each, than the anonymity threshold; empty when they have enough, or none is found.
     */
    @RolesAllowed({AccessRoles.FACILITATOR, AccessRoles.TENANT_ADMIN})
    public Optional<SmallTeamWarning> smallTeam(Collection<TeamId> teams) {
        List<TeamId> own = teams.stream().distinct().filter(team -> directory.findTeam(team).isPresent()).toList();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        int members = (int) own.stream().flatMap(team -> directory.membersOf(team).stream()).map(Person::id).distinct().count();
        int threshold = settings.current().anonymityThreshold();
        return members < threshold ? Optional.of(new SmallTeamWarning(members, threshold)) : Optional.empty();
    }
}
