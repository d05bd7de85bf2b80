package fi.arki.ui.participant;

import fi.arki.session.LiveState;
import fi.arki.ui.i18n.ArkiI18NProvider;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The participant page's own step template: the stream sends exactly what the page shows. */
@Component
class PageStepSource implements StepSource {

    private final StepFragments fragments;
    private final ArkiI18NProvider i18n;

    PageStepSource(StepFragments fragments, ArkiI18NProvider i18n) {
        this.fragments = fragments;
        this.i18n = i18n;
    }

    @Override
    public String step(LiveState state, Locale locale, ParticipantKind kind) {
        return fragments.render(state, locale, kind);
    }

    @Override
    public String bar(LiveState state, Locale locale) {
        Texts t = new Texts(i18n, locale);
        return "<span id=\"presence\" data-count=\"" + state.present() + "\">" + HtmlUtils.htmlEscape(t.t("session.presence", state.present()))
                + "</span><span id=\"timer\" data-ends=\"" + (state.timerEndsAt() == null ? "" : state.timerEndsAt().toString()) + "\"></span>";
    }
}
