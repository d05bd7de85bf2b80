package fi.arki.followup;

import fi.arki.directory.PersonId;
import fi.arki.directory.TeamId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the idea pipeline needs to know of the session an idea comes from. The session module
 * implements it: sessions already depend on follow-up (targets), so follow-up asks through this
 * interface rather than depending back on sessions.
 */
public interface IdeaSources {

    /** The session, if it exists in the bound tenant and is closed. */
    Optional<ClosedSession> closedSession(UUID session);

    /** A closed session's teams, facilitators, and the ids of the answers written in it. */
    record ClosedSession(List<TeamId> teams, List<PersonId> facilitators, Set<UUID> answers) {

        public ClosedSession {
            teams = List.copyOf(teams);
            facilitators = List.copyOf(facilitators);
            answers = Set.copyOf(answers);
        }
    }
}
