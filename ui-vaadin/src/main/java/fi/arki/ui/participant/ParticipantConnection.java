package fi.arki.ui.participant;

import fi.arki.session.ParticipantId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One participant's open event stream: whose it is, in which language and kind, and its writer (given when it opens). */
final class ParticipantConnection {

    private final SseEmitter emitter;
    private final Locale locale;
    private final ParticipantKind kind;
    private final ParticipantId participant;
    private volatile @Nullable StreamWriter writer;

    ParticipantConnection(SseEmitter emitter, Locale locale, ParticipantKind kind, ParticipantId participant) {
        this.emitter = emitter;
        this.locale = locale;
        this.kind = kind;
        this.participant = participant;
    }

    SseEmitter emitter() {
        return emitter;
    }

    Locale locale() {
        return locale;
    }

    ParticipantKind kind() {
        return kind;
    }

    ParticipantId participant() {
        return participant;
    }

    void open(StreamWriter writer) {
        this.writer = writer;
    }

    StreamWriter writer() {
        StreamWriter w = writer;
        if (w == null) {
            throw new IllegalStateException("stream not open");
        }
        return w;
    }
}
