package fi.arki.session;

import fi.arki.directory.TeamId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a session was, without anything anyone wrote in it: its deck, its teams, when it ran.
 * Enough to count coverage of a tenant's teams.
 */
public record SessionRecord(SessionId id, String deckId, String deckVersion, SessionStatus status, List<TeamId> teams,
                            Instant createdAt, @Nullable Instant closedAt) {

    public SessionRecord {
        teams = List.copyOf(teams);
    }
}
