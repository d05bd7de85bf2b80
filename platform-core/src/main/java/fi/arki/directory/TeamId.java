package fi.arki.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a team within its tenant. */
public record TeamId(UUID value) {

    public TeamId {
        Objects.requireNonNull(value, "value");
    }

    public static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
