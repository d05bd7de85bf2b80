package fi.arki.followup;

import java.util.Objects;
import java.util.UUID;

/** Identifies a development target within its tenant. */
public record TargetId(UUID value) {

    public TargetId {
        Objects.requireNonNull(value, "value");
    }

    public static TargetId random() {
        return new TargetId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
