package fi.arki.followup;

import java.util.Objects;
import java.util.UUID;

/** Identifies an idea in the organisation's idea pipeline, within its tenant. */
public record IdeaId(UUID value) {

    public IdeaId {
        Objects.requireNonNull(value, "value");
    }

    public static IdeaId random() {
        return new IdeaId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
