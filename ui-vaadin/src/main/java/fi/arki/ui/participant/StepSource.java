package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import java.util.Locale;

/**
 * The step fragment ({@code <div id="step">}) of one session version, for everyone of one
 * language and kind: it must not depend on the individual participant, because the same bytes
 * go to all of them.
 */
@FunctionalInterface
interface StepSource {

    String step(LiveState state, Locale locale, ParticipantKind kind);
}
