package fi.arki.ui.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import fi.arki.ui.i18n.ArkiI18NProvider;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The session-expired and error notices Vaadin's client shows by itself, in each of fi/sv/en. */
class LocalizedSystemMessagesTests {

    @Test
    void session_expired_and_internal_error_are_in_the_users_language_without_details() {
        VaadinService service = mock(VaadinService.class);
        var provider = org.mockito.ArgumentCaptor.forClass(com.vaadin.flow.server.SystemMessagesProvider.class);
        new LocalizedSystemMessages(new ArkiI18NProvider()).serviceInit(new ServiceInitEvent(service));
        Mockito.verify(service).setSystemMessagesProvider(provider.capture());

        SystemMessages fi = provider.getValue().getSystemMessages(new SystemMessagesInfo(Locale.forLanguageTag("fi"), mock(VaadinRequest.class), service));
        SystemMessages sv = provider.getValue().getSystemMessages(new SystemMessagesInfo(Locale.forLanguageTag("sv"), mock(VaadinRequest.class), service));
        SystemMessages en = provider.getValue().getSystemMessages(new SystemMessagesInfo(Locale.ENGLISH, mock(VaadinRequest.class), service));

        assertThat(fi.getSessionExpiredCaption()).isEqualTo("Istunto on päättynyt");
        assertThat(sv.getSessionExpiredCaption()).isEqualTo("Sessionen har gått ut");
        assertThat(en.getSessionExpiredCaption()).isEqualTo("Your session has ended");
        for (SystemMessages messages : java.util.List.of(fi, sv, en)) {
            assertThat(messages.getInternalErrorMessage()).isNotBlank().doesNotContain("Exception", "Take note of any unsaved data");
            assertThat(messages.getSessionExpiredMessage()).isNotBlank().doesNotContain("Take note of any unsaved data");
        }
    }
}
