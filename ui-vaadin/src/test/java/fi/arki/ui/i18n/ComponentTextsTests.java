package fi.arki.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import fi.arki.shared.Language;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Vaadin's own component texts in Finnish and Swedish (issue 11, item 9), read back from the components. */
class ComponentTextsTests {

    final ArkiI18NProvider provider = new ArkiI18NProvider();

    Function<String, String> texts(Language language) {
        return key -> provider.getTranslation(key, language.locale());
    }

    @Test
    void a_date_picker_speaks_finnish_and_swedish_and_starts_the_week_on_monday() {
        DatePicker fi = new DatePicker();
        DatePicker sv = new DatePicker();
        ComponentTexts.localize(new Div(fi), Language.FI, texts(Language.FI));
        ComponentTexts.localize(new Div(sv), Language.SV, texts(Language.SV));

        assertThat(fi.getI18n().getMonthNames()).startsWith("tammikuu", "helmikuu").endsWith("joulukuu");
        assertThat(sv.getI18n().getMonthNames()).startsWith("januari", "februari").endsWith("december");
        // Vaadin's weekday lists start on Sunday; the week shown starts on Monday
        assertThat(fi.getI18n().getWeekdays()).startsWith("sunnuntai", "maanantai");
        assertThat(sv.getI18n().getWeekdays()).startsWith("söndag", "måndag");
        assertThat(fi.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(sv.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(fi.getI18n().getToday()).isEqualTo("Tänään");
        assertThat(fi.getI18n().getCancel()).isEqualTo("Peruuta");
        assertThat(sv.getI18n().getToday()).isEqualTo("I dag");
        assertThat(sv.getI18n().getCancel()).isEqualTo("Avbryt");
        assertThat(fi.getI18n().getDateFormats()).containsExactly("d.M.yyyy");
        assertThat(sv.getLocale().getLanguage()).isEqualTo("sv");
    }

    @Test
    void the_password_eye_and_the_menu_toggle_say_what_they_do_in_the_users_language() {
        for (Language language : new Language[]{Language.FI, Language.SV}) {
            PasswordField password = new PasswordField();
            DrawerToggle toggle = new DrawerToggle();
            ComponentTexts.localize(new Div(new Div(password), toggle), language, texts(language));

            assertThat(password.getElement().getPropertyRaw("i18n").toString()).as(language + " reveal button")
                    .contains(language == Language.FI ? "Näytä salasana" : "Visa lösenordet");
            assertThat(toggle.getAriaLabel()).as(language + " toggle").contains(language == Language.FI
                    ? "Näytä tai piilota valikko" : "Visa eller dölj menyn");
        }
    }

    @Test
    void the_connection_indicator_texts_follow_the_language() {
        UI fi = new UI();
        ComponentTexts.reconnect(fi.getReconnectDialogConfiguration(), texts(Language.FI));
        UI sv = new UI();
        ComponentTexts.reconnect(sv.getReconnectDialogConfiguration(), texts(Language.SV));

        assertThat(ComponentTexts.indicatorTexts(texts(Language.FI))).containsExactly("Yhteys palvelimeen toimii",
                "Yhteys katkesi, yritetään uudelleen…", "Yhteys palvelimeen katkesi");
        assertThat(ComponentTexts.indicatorTexts(texts(Language.SV))).containsExactly("Anslutningen till servern fungerar",
                "Anslutningen bröts, försöker igen…", "Anslutningen till servern bröts");
        assertThat(fi.getReconnectDialogConfiguration().getDialogText()).isEqualTo("Yhteys katkesi, yritetään uudelleen…");
        assertThat(fi.getReconnectDialogConfiguration().getDialogTextGaveUp()).isEqualTo("Yhteys palvelimeen katkesi");
        assertThat(sv.getReconnectDialogConfiguration().getDialogText()).isEqualTo("Anslutningen bröts, försöker igen…");
        assertThat(sv.getReconnectDialogConfiguration().getDialogTextGaveUp()).isEqualTo("Anslutningen till servern bröts");
    }
}
