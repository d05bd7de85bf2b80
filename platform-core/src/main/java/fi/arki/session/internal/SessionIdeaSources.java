package fi.arki.session.internal;

import fi.arki.followup.IdeaSources;
import fi.arki.session.LiveState;
import fi.arki.session.SessionId;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.session.SessionStatus;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Tells the idea pipeline (follow-up) about the closed session an idea is escalated from. */
@Component
class SessionIdeaSources implements IdeaSources {

    private final SessionManagement sessions;

    SessionIdeaSources(SessionManagement sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<ClosedSession> closedSession(UUID session) {
        SessionId id = new SessionId(session);
        Optional<SessionInfo> info = sessions.find(id).filter(s -> s.status() == SessionStatus.CLOSED);
        return info.map(s -> new ClosedSession(s.teams(), s.facilitators(),
                sessions.state(id).answers().stream().map(LiveState.Answer::id).collect(Collectors.toSet())));
    }
}
