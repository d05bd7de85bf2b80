package fi.arki.followup;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A development target a team committed to: what, who owns it (a person of the tenant, or a name
 * when the owner is, say, a guest), by when, and which dimension of the deck it belongs to.
 */
public record DevelopmentTarget(TargetId id, TeamId team, @Nullable UUID sessionId, String title,
                                @Nullable PersonId ownerPerson, @Nullable String ownerName, LocalDate due,
                                @Nullable String dimension, TargetStatus status, Instant createdAt) {
}
