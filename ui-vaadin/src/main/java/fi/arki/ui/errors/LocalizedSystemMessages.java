package fi.arki.ui.errors;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import fi.arki.shared.Language;
import fi.arki.ui.i18n.ArkiI18NProvider;
import org.springframework.stereotype.Component;

/**
 * The messages Vaadin's client shows by itself (session expired, internal error, cookies off) in
 * the user's language instead of Vaadin's English, and without any technical detail.
 */
@Component
class LocalizedSystemMessages implements VaadinServiceInitListener {

    private final ArkiI18NProvider texts;

    LocalizedSystemMessages(ArkiI18NProvider texts) {
        this.texts = texts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            Language language = Language.of(info.getLocale() == null ? Language.fallback().locale() : info.getLocale());
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredCaption(text("system.session-expired.caption", language));
            messages.setSessionExpiredMessage(text("system.session-expired.message", language));
            messages.setInternalErrorCaption(text("system.internal-error.caption", language));
            messages.setInternalErrorMessage(text("system.internal-error.message", language));
            messages.setCookiesDisabledCaption(text("system.cookies-disabled.caption", language));
            messages.setCookiesDisabledMessage(text("system.cookies-disabled.message", language));
            return messages;
        });
    }

    private String text(String key, Language language) {
        return texts.getTranslation(key, language.locale());
    }
}
