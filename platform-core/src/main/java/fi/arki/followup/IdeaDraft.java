package fi.arki.followup;

import fi.arki.directory.TeamId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a team escalates: its text (copied from an answer of a closed session and perhaps edited,
 * or written anew), for which team, and the session and answer it came from, if any. The id is made
 * before the first attempt, so that a retry stores the idea once.
 */
public record IdeaDraft(IdeaId id, TeamId team, @Nullable UUID sessionId, @Nullable UUID answerId, String text) {
}
