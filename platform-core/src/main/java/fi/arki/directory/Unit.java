package fi.arki.directory;

/** A unit of a tenant (in an elinvoimakeskus, a vastuualue). */
public record Unit(UnitId id, String name) {
}
