package fi.arki.ui.participant;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.PersonId;
import fi.arki.identity.ActingUser;
import fi.arki.session.Joined;
import fi.arki.session.Joiner;
import fi.arki.session.SessionInfo;
import fi.arki.session.SessionManagement;
import fi.arki.ui.i18n.LanguageSupport;
import fi.arki.ui.security.CurrentUser;
import fi.arki.session.ParticipantId;
import fi.arki.session.JoinManagement;
import fi.arki.session.SessionId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A participant's pass: an HttpOnly cookie per session, good for that session only. It holds the
 * session's tenant beside the participant's secret, because the participant page's URLs name
 * only the session; a wrong tenant in a forged cookie finds no such participant there.
 */
@Component
public class ParticipantPasses {

    static final String COOKIE_PREFIX = "arki-p-";
    private static final int WEEK = 7 * 24 * 3600;

    /** Whose pass it is: the participant of this session in this tenant. */
    public record Pass(TenantId tenant, SessionId session, ParticipantId participant) {
    }

    private final JoinManagement joins;
    private final SessionManagement sessions;
    private final DirectoryManagement directory;

    ParticipantPasses(JoinManagement joins, SessionManagement sessions, DirectoryManagement directory) {
        this.joins = joins;
        this.sessions = sessions;
        this.directory = directory;
    }

    /**
     * The browser's pass, or for a signed-in member whose pass is missing or was replaced (they
     * joined on another device, which gives the participant a new secret): the same participant
     * again, with a new pass for this browser. One person is one participant on any number of
     * devices, in anonymous sessions too, where the participant is found by a keyed hash of the
     * person (session.internal.PersonKeys), not by a stored person.
     */
    public Optional<Pass> findOrRejoin(HttpServletRequest request, HttpServletResponse response, SessionId session) {
        Optional<Pass> pass = find(request, session);
        if (pass.isPresent()) {
            return pass;
        }
        Optional<ActingUser> user = CurrentUser.get().filter(u -> u.tenant() != null);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = user.get().tenant();
        return TenantContext.callAs(tenant, () -> {
            Optional<SessionInfo> info = sessions.find(session).filter(SessionInfo::running);
            Optional<PersonId> person = directory.personOf(user.get().account()).map(p -> p.id());
            if (info.isEmpty() || person.isEmpty()) {
                return Optional.<Pass>empty();
            }
            Joined joined = joins.join(session, Joiner.member(person.get(), user.get().displayName(), LanguageSupport.of(request)));
            remember(request, response, tenant, joined);
            return Optional.of(new Pass(tenant, session, joined.participant()));
        });
    }

    /** The participant this browser's pass for the session belongs to, if it has a right one. */
    public Optional<Pass> find(HttpServletRequest request, SessionId session) {
        Optional<String> value = cookie(request, session);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String raw = value.get();
        int colon = raw.indexOf('~');
        if (colon <= 0) {
            return Optional.empty();
        }
        TenantId tenant;
        try {
            tenant = new TenantId(UUID.fromString(raw.substring(0, colon)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String token = raw.substring(colon + 1);
        return TenantContext.callAs(tenant, () -> joins.resume(session, token)).map(p -> new Pass(tenant, session, p));
    }

    /** Gives the browser the pass of a participant who just joined. */
    void remember(HttpServletRequest request, HttpServletResponse response, TenantId tenant, Joined joined) {
        Cookie cookie = new Cookie(name(joined.session()), tenant.value() + "~" + joined.token());
        cookie.setPath("/");
        cookie.setMaxAge(WEEK);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }

    private static Optional<String> cookie(HttpServletRequest request, SessionId session) {
        Cookie[] cookies = request.getCookies();
        String name = name(session);
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    private static String name(SessionId session) {
        return COOKIE_PREFIX + session.value().toString().replace("-", "");
    }
}
