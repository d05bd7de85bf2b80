package fi.arki.ui.participant;

import fi.arki.session.JoinTarget;
import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionManagement;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A participant's live updates: {@code GET /p/{code}/events}, a Server-Sent Events stream of the
 * session's step. Only a participant of that session gets one (the pass the browser got when it
 * joined, as for the page); anyone else is refused before any stream opens.
 */
@RestController
class ParticipantEvents {

    /** The pass cookie's name is this plus the session id without dashes (set when joining). */
    static final String PASS_COOKIE_PREFIX = "arki-p-";

    private final SessionManagement sessions;
    private final ParticipantManagement participants;
    private final LiveStates states;
    private final ParticipantStreams streams;

    ParticipantEvents(SessionManagement sessions, ParticipantManagement participants, LiveStates states, ParticipantStreams streams) {
        this.sessions = sessions;
        this.participants = participants;
        this.states = states;
        this.streams = streams;
    }

    @GetMapping(path = "/p/{code}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String code, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
                      @RequestParam(name = "since", required = false) @Nullable String since,
                      @RequestParam(name = "lang", required = false) @Nullable String lang, HttpServletRequest request)
            throws IOException {
        JoinTarget target = sessions.resolve(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ParticipantId me = TenantContext.callAs(target.tenant(),
                () -> participants.resume(target.session(), pass(request, target))).orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        LiveState state = TenantContext.callAs(target.tenant(), () -> states.current(target.session()));
        ParticipantKind kind = state.participants().stream().filter(p -> p.id().equals(me)).findFirst()
                .map(p -> p.guest() ? ParticipantKind.GUEST : ParticipantKind.MEMBER).orElse(ParticipantKind.GUEST);
        Language language = Optional.ofNullable(lang).flatMap(Language::ofTag).orElseGet(() -> Language.of(request.getLocale()));
        // no async timeout: the stream lasts as long as the participant stays; the heartbeat finds those who left
        SseEmitter emitter = new SseEmitter(0L);
        streams.open(target.tenant(), target.session(), new ParticipantStreams.Connection(emitter, language.locale(), kind, me),
                version(lastEventId != null ? lastEventId : since));
        return emitter;
    }

    private static @Nullable String pass(HttpServletRequest request, JoinTarget target) {
        String name = PASS_COOKIE_PREFIX + target.session().value().toString().replace("-", "");
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null
                : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst().orElse(null);
    }

    /** The version the browser last showed; anything unreadable counts as none, which sends the current step. */
    private static @Nullable Long version(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
