package fi.arki.session;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.directory.Team;
import java.util.List;

/**
 * The teams a person may start a session for: a tenant administrator any team, a facilitator the
 * teams they belong to (as member or supervisor). The start form lists these; the service refuses
 * the rest. One rule in one place, so the form and the service cannot drift apart.
 */
public final class StartableTeams {

    private StartableTeams() {
    }

    /** In the current tenant. */
    public static List<Team> of(DirectoryManagement directory, PersonId person) {
        if (directory.rolesOf(person).contains(Role.TENANT_ADMIN)) {
            return directory.teams();
        }
        var own = directory.teamsOf(person).stream().map(DirectoryManagement.Membership::team).toList();
        return directory.teams().stream().filter(t -> own.contains(t.id())).toList();
    }
}
