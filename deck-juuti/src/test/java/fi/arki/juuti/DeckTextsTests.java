package fi.arki.juuti;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.testing.DeckUnderTest;
import fi.arki.shared.Language;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * This deck's texts beyond what the platform's reader requires of every deck (every text in
 * fi/sv/en, plain text, only the organisation placeholders, Finnish forms only in Finnish): where
 * they come from, how they name the organisation, and what the six dimensions are called.
 */
class DeckTextsTests {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    final DeckUnderTest deck = DeckUnderTest.of(new JuutiDeck());

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_intro_names_juuti_or_the_thesis_as_its_source(Language language) {
        assertThat(deck.introSources(language)).allSatisfy((key, source) -> {
            assertThat(source).as(language + " " + key).containsAnyOf("Juuti 2015", "PDCA");
            assertThat(source).as(language + " " + key).containsAnyOf("opinnäytetyö", "lärdomsprovet", "the thesis");
        });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void texts_have_no_links_and_no_stray_whitespace(Language language) {
        deck.texts(language).forEach((key, text) -> assertThat(text).as(language + " " + key)
                .doesNotContain("http:", "https:", "  ", "\t", "\r", "\n\n", " \n", "\n "));
    }

    /** Where the thesis's question names the organisation, the translation names it too. */
    @Test
    void swedish_and_english_name_the_organisation_wherever_finnish_does() {
        Map<String, String> finnish = deck.texts(Language.FI);
        for (Language language : List.of(Language.SV, Language.EN)) {
            Map<String, String> texts = deck.texts(language);
            finnish.forEach((key, text) -> assertThat(PLACEHOLDER.matcher(texts.get(key)).results().count())
                    .as(language + " " + key).isEqualTo(PLACEHOLDER.matcher(text).results().count()));
        }
    }

    @Test
    void the_six_dimensions_are_named_as_the_cards_name_them() {
        assertThat(deck.texts(Language.FI)).containsAllEntriesOf(Map.of(
                "dimension.competence", "Osaaminen", "dimension.interaction", "Vuorovaikutus",
                "dimension.commitment", "Sitoutuminen", "dimension.wellbeing", "Työhyvinvointi",
                "dimension.fairness", "Oikeudenmukaisuus ja eettisyys", "dimension.creativity", "Luovuus ja innovatiivisuus"));
        assertThat(deck.texts(Language.SV)).containsAllEntriesOf(Map.of(
                "dimension.competence", "Kunnande", "dimension.interaction", "Växelverkan",
                "dimension.commitment", "Engagemang", "dimension.wellbeing", "Välbefinnande i arbetet",
                "dimension.fairness", "Rättvisa och etik", "dimension.creativity", "Kreativitet och innovation"));
        assertThat(deck.texts(Language.EN)).containsAllEntriesOf(Map.of(
                "dimension.competence", "Competence", "dimension.interaction", "Interaction",
                "dimension.commitment", "Commitment", "dimension.wellbeing", "Wellbeing at work",
                "dimension.fairness", "Fairness and ethics", "dimension.creativity", "Creativity and innovation"));
    }
}
