package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.ParticipantId;
import fi.arki.session.ParticipantManagement;
import fi.arki.session.SessionId;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
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
 * A participant's live updates: {@code GET /p/{session}/events}, a Server-Sent Events stream of
 * the session's step. Only a participant of that session gets one (the same pass as for the
 * page); anyone else is refused before any stream opens.
 */
@RestController
class ParticipantEvents {

    /** The pass cookie's name is this plus the session id without dashes; its value {@code tenant~participant.secret}. */
    static final String PASS_COOKIE_PREFIX = "arki-p-";

    private final ParticipantManagement participants;
    private final LiveStates states;
    private final ParticipantStreams streams;

    ParticipantEvents(ParticipantManagement participants, LiveStates states, ParticipantStreams streams) {
        this.participants = participants;
        this.states = states;
        this.streams = streams;
    }

    private record Pass(TenantId tenant, SessionId session, ParticipantId participant) {
    }

    @GetMapping(path = "/p/{session}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID session, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
                      @RequestParam(name = "since", required = false) @Nullable String since,
                      @RequestParam(name = "lang", required = false) @Nullable String lang, HttpServletRequest request)
            throws IOException {
        Pass pass = pass(request, new SessionId(session)).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        LiveState state = TenantContext.callAs(pass.tenant(), () -> states.current(pass.session()));
        ParticipantKind kind = state.participants().stream().filter(p -> p.id().equals(pass.participant())).findFirst()
                .map(p -> p.guest() ? ParticipantKind.GUEST : ParticipantKind.MEMBER).orElse(ParticipantKind.GUEST);
        Language language = Optional.ofNullable(lang).flatMap(Language::ofTag).orElseGet(() -> Language.of(request.getLocale()));
        // no async timeout: the stream lasts as long as the participant stays; the heartbeat finds those who left
        SseEmitter emitter = new SseEmitter(0L);
        streams.open(pass.tenant(), pass.session(), new ParticipantStreams.Connection(emitter, language.locale(), kind, pass.participant()),
                version(lastEventId != null ? lastEventId : since));
        return emitter;
    }

    /** The browser's pass for this session, if it is right (the tenant in it only says where to look). */
    private Optional<Pass> pass(HttpServletRequest request, SessionId session) {
        String name = PASS_COOKIE_PREFIX + session.value().toString().replace("-", "");
        Cookie[] cookies = request.getCookies();
        Optional<String> value = cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
        if (value.isEmpty() || value.get().indexOf('~') <= 0) {
            return Optional.empty();
        }
        String raw = value.get();
        TenantId tenant;
        try {
            tenant = new TenantId(UUID.fromString(raw.substring(0, raw.indexOf('~'))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String token = raw.substring(raw.indexOf('~') + 1);
        return TenantContext.callAs(tenant, () -> participants.resume(session, token)).map(p -> new Pass(tenant, session, p));
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
