package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A bare step fragment, until the participant page's own templates render the step: it carries
 * what the live updates need (version, step, presence) so the stream can be built and tested.
 */
@org.springframework.stereotype.Component
final class InterimStepSource implements StepSource {

    @Override
    public String step(LiveState state, Locale locale, ParticipantKind kind) {
        LiveState.Step step = state.current();
        return "<div id=\"step\" data-version=\"" + state.version() + "\" data-step=\"" + step.index() + "\">\n"
                + "<p id=\"step-progress\">" + (step.index() + 1) + " / " + state.steps().size() + "</p>\n"
                + "<h2 id=\"step-question\">" + HtmlUtils.htmlEscape(step.cardId() + " · " + step.activityId()) + "</h2>\n"
                + (state.session().running() ? "" : "<p id=\"session-closed\"></p>\n")
                + "<p id=\"presence\" data-count=\"" + state.present() + "\">" + state.present() + "</p>\n"
                + "</div>";
    }
}
