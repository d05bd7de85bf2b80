package fi.arki.session;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A session as lists and headers show it. {@code joinCode} is absent once it has closed. */
public record SessionInfo(SessionId id, String title, String deckId, String deckVersion, SessionMode mode,
                          SessionStatus status, @Nullable String joinCode, List<TeamId> teams,
                          List<PersonId> facilitators, @Nullable PersonId lead, Instant createdAt,
                          @Nullable Instant closedAt) {

    public SessionInfo {
        teams = List.copyOf(teams);
        facilitators = List.copyOf(facilitators);
    }

    public boolean running() {
        return status == SessionStatus.RUNNING;
    }

    public boolean anonymous() {
        return mode == SessionMode.ANONYMOUS;
    }
}
