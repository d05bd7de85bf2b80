package fi.arki.ui.participant;

import fi.arki.ui.i18n.ArkiI18NProvider;
import java.util.Locale;

/** The message properties in one language, for the participant templates (the same keys the Vaadin views use). */
public final class Texts {

    private final ArkiI18NProvider i18n;
    private final Locale locale;

    Texts(ArkiI18NProvider i18n, Locale locale) {
        this.i18n = i18n;
        this.locale = locale;
    }

    public String t(String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
    }

    public String lang() {
        return locale.getLanguage();
    }

    Locale locale() {
        return locale;
    }
}
