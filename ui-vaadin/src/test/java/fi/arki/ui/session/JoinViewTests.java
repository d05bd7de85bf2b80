package fi.arki.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import fi.arki.shared.Language;
import fi.arki.ui.UiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A wrong, mistyped or expired join code is answered in the joiner's language on the code form
 * itself, never with an error page: the field says what is wrong and the code can be typed again.
 */
@UiIntegrationTest
class JoinViewTests extends SpringBrowserlessTest {

    @Test
    void a_code_that_leads_nowhere_is_explained_on_the_form_in_finnish_swedish_and_english() {
        for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
            for (String code : List.of("ZZZZZZ", "abc", "%3Cscript%3E", "2345678923456789")) {
                UI.getCurrent().setLocale(language.locale());
                navigate("join/" + code, JoinView.class);
                TextField field = $(TextField.class).id("join-code-input");
                assertThat(field.isInvalid()).as("%s %s", language, code).isTrue();
                assertThat(field.getErrorMessage()).as("%s %s", language, code)
                        .isEqualTo(UI.getCurrent().getTranslation(language.locale(), "join.not-found"))
                        .doesNotStartWith("!").doesNotContain("Exception");
                assertThat($(com.vaadin.flow.component.button.Button.class).id("join-continue").isVisible()).isTrue();
            }
        }
    }
}
