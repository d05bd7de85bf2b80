package fi.arki.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a unit within its tenant. */
public record UnitId(UUID value) {

    public UnitId {
        Objects.requireNonNull(value, "value");
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
