package fi.arki.followup;

import fi.arki.directory.TeamId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An idea a team escalated to the organisation, and what the organisation answered. It names the
 * team, never the author of the answer it came from; {@code sessionId} and {@code answerId} are
 * gone once the session has been purged, the idea stays.
 */
public record Idea(IdeaId id, TeamId team, @Nullable UUID sessionId, @Nullable UUID answerId, String text,
                   IdeaStatus status, @Nullable String response, Instant escalatedAt, Instant updatedAt) {
}
