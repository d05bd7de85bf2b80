package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import fi.arki.session.LiveStates;
import fi.arki.session.SessionId;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
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

    private final ParticipantPasses passes;
    private final LiveStates states;
    private final ParticipantStreams streams;

    ParticipantEvents(ParticipantPasses passes, LiveStates states, ParticipantStreams streams) {
        this.passes = passes;
        this.states = states;
        this.streams = streams;
    }

    @GetMapping(path = ParticipantController.SESSION + "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID session, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
                      @RequestParam(name = "since", required = false) @Nullable String since,
                      @RequestParam(name = "lang", required = false) @Nullable String lang, HttpServletRequest request)
            throws IOException {
        ParticipantPasses.Pass pass = passes.find(request, new SessionId(session)).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        LiveState state = TenantContext.callAs(pass.tenant(), () -> states.current(pass.session()));
        ParticipantKind kind = state.participants().stream().filter(p -> p.id().equals(pass.participant())).findFirst()
                .map(p -> p.guest() ? ParticipantKind.GUEST : ParticipantKind.MEMBER).orElse(ParticipantKind.GUEST);
        Language language = Optional.ofNullable(lang).flatMap(Language::ofTag).orElseGet(() -> Language.of(request.getLocale()));
        // no async timeout: the stream lasts as long as the participant stays; the heartbeat finds those who left
        SseEmitter emitter = new SseEmitter(0L);
        streams.open(pass.tenant(), pass.session(), new ParticipantConnection(emitter, language.locale(), kind, pass.participant()),
                version(lastEventId != null ? lastEventId : since));
        return emitter;
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
