package fi.arki.directory;

import java.util.List;

/** A tenant's units, each with its teams, in name order. */
public record Organisation(List<UnitWithTeams> units) {

    public record UnitWithTeams(Unit unit, List<Team> teams) {
    }

    public int teamCount() {
        return units.stream().mapToInt(u -> u.teams().size()).sum();
    }
}
