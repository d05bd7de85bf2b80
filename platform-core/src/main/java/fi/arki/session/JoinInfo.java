package fi.arki.session;

import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.shared.OrganisationName;
import java.util.List;
import java.util.Map;

/**
 * What a join page needs to know before anyone joins. {@code unitNames} only when there is a
 * choice of units. {@code teams} only when the session's deck attributes answers to teams (its
 * {@code attribute-to-teams} setting is on): the session's teams, of which a joiner speaks for
 * one; {@code teamNames} only when there is a choice. Then teams are offered instead of units.
 */
public record JoinInfo(boolean guestsAllowed, OrganisationName organisation, List<UnitId> units, Map<UnitId, String> unitNames,
                       List<TeamId> teams, Map<TeamId, String> teamNames) {

    public JoinInfo {
        units = List.copyOf(units);
        unitNames = Map.copyOf(unitNames);
        teams = List.copyOf(teams);
        teamNames = Map.copyOf(teamNames);
    }

    /** Whether answers of this session are attributed to teams instead of units. */
    public boolean byTeam() {
        return !teams.isEmpty();
    }
}
