package fi.arki.ui.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.stereotype.Component;

/**
 * Gives every HTTP session the configured idle timeout, to the second ({@code server.servlet.session.timeout}
 * rounds to minutes). Vaadin's {@code closeIdleSessions} makes sure an open tab's heartbeats do not
 * keep an idle session alive.
 */
@Component
class SessionIdleTimeout implements HttpSessionListener {

    private final SessionProperties session;

    SessionIdleTimeout(SessionProperties session) {
        this.session = session;
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) Math.max(1, session.idleTimeout().toSeconds()));
    }
}
