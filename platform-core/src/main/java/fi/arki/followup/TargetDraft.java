package fi.arki.followup;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A target as a session commits it; the id is made before the first attempt so retries are safe. */
public record TargetDraft(TargetId id, TeamId team, @Nullable UUID sessionId, String title,
                          @Nullable PersonId ownerPerson, @Nullable String ownerName, @Nullable LocalDate due,
                          @Nullable String dimension) {
}
