package fi.arki.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrganisationNameTests {

    static final String QUESTION = "Miten työhyvinvointia voidaan parantaa? Tiimissäsi? {organisation:inessive}?";

    final OrganisationName withForms = new OrganisationName("Etelä-Pohjanmaan elinvoimakeskus",
            "Etelä-Pohjanmaan elinvoimakeskuksessa", "Etelä-Pohjanmaan elinvoimakeskuksesta");
    final OrganisationName nameOnly = OrganisationName.of("Demo-elinvoimakeskus");

    @Test
    void finnish_uses_the_tenants_own_case_forms() {
        assertThat(withForms.fill(QUESTION, Language.FI))
                .isEqualTo("Miten työhyvinvointia voidaan parantaa? Tiimissäsi? Etelä-Pohjanmaan elinvoimakeskuksessa?");
        assertThat(withForms.fill("Tietoa {organisation:elative} ja {organisation}:lle", Language.FI))
                .isEqualTo("Tietoa Etelä-Pohjanmaan elinvoimakeskuksesta ja Etelä-Pohjanmaan elinvoimakeskus:lle");
    }

    @Test
    void swedish_and_english_use_the_name_as_it_is_whatever_the_form() {
        assertThat(nameOnly.fill("I ditt team? Inom {organisation}? {organisation:inessive}", Language.SV))
                .isEqualTo("I ditt team? Inom Demo-elinvoimakeskus? Demo-elinvoimakeskus");
        assertThat(withForms.fill("At {organisation:elative}?", Language.EN)).isEqualTo("At Etelä-Pohjanmaan elinvoimakeskus?");
    }

    @Test
    void without_finnish_forms_a_neutral_phrase_stands_in_with_a_capital_where_a_sentence_begins() {
        assertThat(nameOnly.fill(QUESTION, Language.FI))
                .isEqualTo("Miten työhyvinvointia voidaan parantaa? Tiimissäsi? Organisaatiossamme?");
        assertThat(nameOnly.fill("{organisation:elative}?", Language.FI)).isEqualTo("Organisaatiostamme?");
        assertThat(nameOnly.fill("Mitä tietoa tarvitset {organisation:elative}?", Language.FI))
                .isEqualTo("Mitä tietoa tarvitset organisaatiostamme?");
    }

    @Test
    void other_braces_and_texts_without_placeholders_are_left_alone() {
        assertThat(nameOnly.fill("Ei paikkamerkkejä.", Language.FI)).isEqualTo("Ei paikkamerkkejä.");
        assertThat(nameOnly.fill("{team} ja $1 \\ {organisation}", Language.FI)).isEqualTo("{team} ja $1 \\ Demo-elinvoimakeskus");
    }
}
