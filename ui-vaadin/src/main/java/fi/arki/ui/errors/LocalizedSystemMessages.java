package fi.arki.ui.errors;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import fi.arki.shared.Language;
import com.vaadin.flow.server.VaadinServletRequest;
import fi.arki.ui.i18n.ArkiI18NProvider;
import fi.arki.ui.i18n.LanguageSupport;
import org.springframework.stereotype.Component;

/**
 * The messages Vaadin's client shows by itself (session expired, internal error, cookies off) in
 * the user's language instead of Vaadin's English, and without any technical detail. Flow's
 * default for an expired session is a silent reload, which drops a signed-in user on the sign-in
 * page without a word; here the client says first that the session has ended (and reloads at a
 * click or key press).
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
            // the session (and the UI's locale) may be gone: the language cookie still says what the user chose
            Language language = info.getRequest() instanceof VaadinServletRequest request
                    ? LanguageSupport.of(request.getHttpServletRequest())
                    : Language.of(info.getLocale() == null ? Language.fallback().locale() : info.getLocale());
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(true);
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
