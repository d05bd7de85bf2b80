package fi.arki.session;

import java.util.Objects;
import java.util.UUID;

/** Identifies a participant of one session. Not a person: in anonymous sessions no person is known. */
public record ParticipantId(UUID value) {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
    }

    public static ParticipantId random() {
        return new ParticipantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
