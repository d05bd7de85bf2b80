package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import java.util.Locale;

/**
 * The step fragment ({@code <div id="step">}) of one session version, for everyone of one
 * language and kind: it must not depend on the individual participant, because the same bytes
 * go to all of them. Needs the session's tenant bound.
 */
@FunctionalInterface
interface StepSource {

    String step(LiveState state, Locale locale, ParticipantKind kind);

    /**
     * What the page shows outside the step that changes with the session (presence as a count,
     * the timer's end), as elements whose ids the page has; empty for none.
     */
    default String bar(LiveState state, Locale locale) {
        return "";
    }

}
