package fi.arki.juuti;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.ActivityKind;
import fi.arki.deck.testing.DeckUnderTest;
import fi.arki.juuti.ThesisAppendix.Question;
import fi.arki.shared.Language;
import fi.arki.shared.OrganisationName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deck asks the thesis's questions (appendix 1) word for word in Finnish, each on the card of
 * its dimension. The only changes allowed are the PDF's line-break hyphenation and the
 * organisation's name, which is a placeholder that the tenant's name fills in.
 */
class ThesisQuestionsTests {

    /** Where each question of the appendix lives in the deck: "<section heading> <number>" → message key. */
    static final Map<String, String> PLACEMENT = placement();

    /** The organisation the thesis was written for, in the forms its questions use. */
    static final OrganisationName THESIS_ORGANISATION = new OrganisationName(
            "Etelä-Pohjanmaan ELY-keskus", "Etelä-Pohjanmaan ELY-keskuksessa", "ELY-keskuksesta");

    final DeckUnderTest deck = DeckUnderTest.of(new JuutiDeck());
    final List<Question> questions = ThesisAppendix.questions();
    final Map<String, String> finnish = deck.texts(Language.FI);

    @Test
    void the_appendix_has_the_question_set_the_thesis_describes() {
        assertThat(questions).hasSize(25);
        assertThat(questions.getFirst().text()).startsWith("Kerro joku onnistuminen");
        assertThat(questions.getLast().text()).isEqualTo("Miten kehitätte toimintaa ja palveluita yhdessä asiakkaiden kanssa?");
        assertThat(questions).extracting(Question::text)
                .contains("Mitä tietoa tarvitset asiakkaan palveluun muilta vastuualueilta? ELY-keskuksesta?");
    }

    @Test
    void every_question_of_the_appendix_has_a_place_in_the_deck_and_nothing_else_claims_to() {
        assertThat(questions.stream().map(Question::label).toList())
                .containsExactlyInAnyOrderElementsOf(PLACEMENT.keySet());
    }

    @Test
    void every_question_is_in_finnish_word_for_word() {
        for (Question question : questions) {
            String key = PLACEMENT.get(question.label());
            assertThat(finnish).as(question.label()).containsKey(key);
            String asTheThesisAsked = THESIS_ORGANISATION.fill(finnish.get(key), Language.FI);
            assertThat(ThesisAppendix.normalize(asTheThesisAsked)).as(key).isEqualTo(question.text());
        }
    }

    @Test
    void the_organisation_is_a_placeholder_and_never_the_thesis_organisations_name() {
        for (Language language : Language.values()) {
            deck.texts(language).forEach((key, text) -> assertThat(text).as(language + " " + key)
                    .doesNotContain("ELY", "NTM", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"));
        }
        assertThat(finnish.get("card.competence.q3")).endsWith("{organisation:elative}?");
        assertThat(finnish.get("card.wellbeing.q2")).endsWith("{organisation:inessive}?");
    }

    @Test
    void a_tenant_without_finnish_name_forms_still_gets_a_readable_question() {
        String q3 = OrganisationName.of("Demo-elinvoimakeskus").fill(finnish.get("card.competence.q3"), Language.FI);
        assertThat(q3).isEqualTo("Mitä tietoa tarvitset asiakkaan palveluun muilta vastuualueilta? Organisaatiostamme?");
    }

    @Test
    void each_question_sits_on_an_activity_where_the_team_writes_answers() {
        Map<String, ActivityKind> kindByKey = deck.cards().stream()
                .flatMap(card -> card.activities().stream().map(activity -> Map.entry("card." + card.id() + "." + activity.id(), activity.kind())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (String key : PLACEMENT.values()) {
            assertThat(kindByKey).as(key).containsKey(key);
            assertThat(kindByKey.get(key)).as(key).isIn(ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP);
        }
    }

    private static Map<String, String> placement() {
        Map<String, String> placement = new LinkedHashMap<>();
        placement.put("Osaaminen 0", "card.competence.success");
        number(placement, "Osaaminen", "competence", 3);
        // since 2.0.0 each dimension is one card: the second sub-part's questions follow the first's
        numberFrom(placement, "Asiakkailta saatava osaaminen", "competence", 2, 4);
        number(placement, "Tiimin vuorovaikutus", "interaction", 4);
        numberFrom(placement, "Vuorovaikutus / palaute asiakkaiden kanssa", "interaction", 4, 5);
        number(placement, "Sitoutunut työntekijä", "commitment", 3);
        number(placement, "Työhyvinvointi", "wellbeing", 2);
        number(placement, "Oikeudenmukaisuus", "fairness", 4);
        number(placement, "Luovuus ja innovatiivisuus", "creativity", 2);
        return placement;
    }

    /** Section questions 1…n are the card's activities q1…qn. */
    private static void number(Map<String, String> placement, String section, String card, int count) {
        numberFrom(placement, section, card, count, 1);
    }

    /** Section questions 1…n are the card's activities q<first>…q<first+n-1>. */
    private static void numberFrom(Map<String, String> placement, String section, String card, int count, int first) {
        for (int n = 1; n <= count; n++) {
            placement.put(section + " " + n, "card." + card + ".q" + (first + n - 1));
        }
    }
}
