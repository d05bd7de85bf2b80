package fi.arki.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.shared.Language;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** T-22 for the UI texts: every key in Finnish, Swedish and English, none empty. */
class LanguageCompletenessTests {

    final ArkiI18NProvider provider = new ArkiI18NProvider();

    @Test
    void every_ui_key_exists_in_every_language() {
        assertThat(provider.keys(Language.FI)).isNotEmpty();
        // the words of summaries and exports (platform-core's i18n/export_*.properties) are among them
        assertThat(provider.keys(Language.FI)).contains("export.summary", "export.kind.commit-targets", "export.print.phone");
        assertThat(provider.keys(Language.SV)).containsExactlyElementsOf(provider.keys(Language.FI));
        assertThat(provider.keys(Language.EN)).containsExactlyElementsOf(provider.keys(Language.FI));
    }

    @Test
    void no_text_is_blank() {
        for (Language language : Language.values()) {
            for (String key : provider.keys(language)) {
                assertThat(provider.getTranslation(key, language.locale())).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void an_unknown_locale_falls_back_to_finnish() {
        assertThat(provider.getTranslation("login.submit", Locale.GERMAN)).isEqualTo("Kirjaudu");
        assertThat(provider.getTranslation("error.name.too-long", Locale.of("sv"), 200)).isEqualTo("Namnet får vara högst 200 tecken långt.");
    }
}
