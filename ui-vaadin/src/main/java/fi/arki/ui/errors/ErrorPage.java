package fi.arki.ui.errors;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import fi.arki.ui.i18n.LanguageSelect;

/**
 * What every error page shows, in the user's language: what happened in plain words and the way
 * back to the front page. Never an exception's message, a class name, a stack trace or the list
 * of routes (Vaadin's own error views show those in development mode).
 */
abstract class ErrorPage extends Main implements HasDynamicTitle {

    private final String titleKey;

    ErrorPage(String id, String titleKey, String textKey) {
        this.titleKey = titleKey;
        setId(id);
        addClassName("arki-error-page");
        H1 heading = new H1(getTranslation(titleKey));
        heading.setId("error-title");
        Paragraph text = new Paragraph(getTranslation(textKey));
        text.setId("error-text");
        Anchor home = new Anchor("/", getTranslation("errorpage.home"));
        home.setId("error-home");
        add(new LanguageSelect(), heading, text, home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " – " + getTranslation("app.name");
    }
}
