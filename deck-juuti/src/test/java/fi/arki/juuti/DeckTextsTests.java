package fi.arki.juuti;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.shared.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** T-22 for this deck: every text the manifest calls for, in Finnish, Swedish and English, and nothing else. */
class DeckTextsTests {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    static final List<String> FINNISH_PLACEHOLDERS = List.of("{organisation}", "{organisation:inessive}", "{organisation:elative}");

    @Test
    void the_deck_is_in_the_languages_it_declares() {
        assertThat(DeckFiles.manifest().get("locales")).isEqualTo(List.of("fi", "sv", "en"));
    }

    @Test
    void every_text_the_manifest_calls_for_exists_in_every_language_and_is_not_blank() {
        for (Language language : Language.values()) {
            Map<String, String> texts = DeckFiles.messages(language);
            for (String key : DeckFiles.requiredKeys()) {
                assertThat(texts).as(language + " " + key).containsKey(key);
                assertThat(texts.get(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void every_language_has_the_same_keys_and_none_the_manifest_does_not_know() {
        Map<String, String> finnish = DeckFiles.messages(Language.FI);
        assertThat(DeckFiles.keysOfTheManifest()).containsKeys(finnish.keySet().toArray(String[]::new));
        assertThat(DeckFiles.messages(Language.SV).keySet()).containsExactlyElementsOf(finnish.keySet());
        assertThat(DeckFiles.messages(Language.EN).keySet()).containsExactlyElementsOf(finnish.keySet());
        finnish.forEach((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @Test
    void every_intro_names_juuti_or_the_thesis_as_its_source() {
        for (Language language : Language.values()) {
            DeckFiles.messages(language).forEach((key, text) -> {
                if (key.endsWith(".intro.source")) {
                    assertThat(text).as(language + " " + key).containsAnyOf("Juuti 2015", "PDCA");
                    assertThat(text).as(language + " " + key).containsAnyOf("opinnäytetyö", "lärdomsprovet", "the thesis");
                }
            });
        }
    }

    @Test
    void texts_are_plain_text_without_markup_links_or_stray_whitespace() {
        for (Language language : Language.values()) {
            DeckFiles.messages(language).forEach((key, text) -> {
                String as = language + " " + key;
                assertThat(text).as(as).doesNotContain("<", ">", "&lt;", "&gt;", "&amp;", "&nbsp;", "http:", "https:", "javascript:");
                assertThat(text).as(as).isEqualTo(text.strip());
                assertThat(text).as(as).doesNotContain("  ", "\t", "\r", "\n\n", " \n", "\n ");
            });
        }
    }

    @Test
    void placeholders_are_only_the_organisation_in_its_three_forms() {
        for (Language language : Language.values()) {
            DeckFiles.messages(language).forEach((key, text) -> {
                List<String> placeholders = placeholders(text);
                assertThat(FINNISH_PLACEHOLDERS).as(language + " " + key).containsAll(placeholders);
                assertThat(text.chars().filter(c -> c == '{' || c == '}').count()).as(language + " " + key + ": stray braces")
                        .isEqualTo(2L * placeholders.size());
            });
        }
    }

    /** Swedish and English do not inflect the name, so the Finnish case forms have no place there. */
    @Test
    void swedish_and_english_use_the_name_as_it_is_wherever_finnish_names_the_organisation() {
        Map<String, String> finnish = DeckFiles.messages(Language.FI);
        for (Language language : List.of(Language.SV, Language.EN)) {
            Map<String, String> texts = DeckFiles.messages(language);
            finnish.forEach((key, text) -> {
                assertThat(texts).as(language + " " + key).containsKey(key);
                assertThat(placeholders(texts.get(key))).as(language + " " + key)
                        .hasSameSizeAs(placeholders(text))
                        .allMatch("{organisation}"::equals);
            });
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
