package fi.arki.directory;

/** A team within a unit: the group that holds everyday conversations together. */
public record Team(TeamId id, UnitId unitId, String name) {
}
