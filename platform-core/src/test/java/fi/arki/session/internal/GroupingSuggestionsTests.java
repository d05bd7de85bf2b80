package fi.arki.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.session.internal.GroupingSuggestions.Suggestion;
import fi.arki.session.internal.GroupingSuggestions.Text;
import fi.arki.shared.Language;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Suggested grouping (issue 11, item 3) on real Finnish and Swedish answers, with Lucene's analyzers. */
class GroupingSuggestionsTests {

    static List<Text> texts(String... answers) {
        return java.util.Arrays.stream(answers).map(a -> new Text(UUID.nameUUIDFromBytes(a.getBytes(java.nio.charset.StandardCharsets.UTF_8)), a))
                .toList();
    }

    /** Each suggestion as the set of its answers' texts. */
    static List<List<String>> groups(List<Text> answers, List<Suggestion> suggestions) {
        Map<UUID, String> byId = answers.stream().collect(Collectors.toMap(Text::id, Text::text));
        return suggestions.stream().map(s -> s.answers().stream().map(byId::get).sorted().toList()).toList();
    }

    @Test
    void finnish_inflected_forms_are_grouped_and_unrelated_answers_are_not() {
        List<Text> answers = texts(
                "Asiakkaat antavat palautetta liian harvoin",
                "Palautteen saaminen asiakkailta on hidasta",
                "Kokouksia on liikaa ja ne venyvät",
                "Kokoukset venyvät aina yli ajan",
                "Uusi työntekijä perehdytetään huonosti",
                "Asiakkaat kiittävät nopeasta palvelusta");

        List<Suggestion> suggestions = GroupingSuggestions.suggest(answers, Language.FI);

        // palautetta/palautteen and asiakkaat/asiakkailta, kokouksia/kokoukset: different words, one stem each
        assertThat(groups(answers, suggestions)).containsExactlyInAnyOrder(
                List.of("Asiakkaat antavat palautetta liian harvoin", "Palautteen saaminen asiakkailta on hidasta"),
                List.of("Kokoukset venyvät aina yli ajan", "Kokouksia on liikaa ja ne venyvät"));
        // "asiakkaat" alone (it is in half the answers) does not pull the thanks into the feedback group
        assertThat(suggestions).allSatisfy(s -> assertThat(s.label()).isNotBlank());
    }

    @Test
    void swedish_answers_are_read_as_swedish_even_in_a_finnish_session() {
        List<Text> answers = texts(
                "Kunderna får vänta för länge på svar",
                "Vi borde svara kunderna snabbare",
                "Möten tar för mycket tid",
                "Våra möten drar alltid ut på tiden",
                "Introduktionen av nya medarbetare är bristfällig");

        assertThat(GroupingSuggestions.languageOf("Vi borde svara kunderna snabbare", Language.FI)).isEqualTo(Language.SV);
        assertThat(groups(answers, GroupingSuggestions.suggest(answers, Language.FI))).containsExactlyInAnyOrder(
                List.of("Kunderna får vänta för länge på svar", "Vi borde svara kunderna snabbare"),
                List.of("Möten tar för mycket tid", "Våra möten drar alltid ut på tiden"));
    }

    @Test
    void the_analyzers_stem_and_drop_stop_words() {
        Function<String, java.util.Set<String>> fi = t -> GroupingSuggestions.terms(t, Language.FI).keySet();
        Function<String, java.util.Set<String>> sv = t -> GroupingSuggestions.terms(t, Language.SV).keySet();
        assertThat(fi.apply("asiakkailta")).isEqualTo(fi.apply("asiakkaat"));
        assertThat(fi.apply("ja on ne")).isEmpty();
        assertThat(sv.apply("kunderna")).isEqualTo(sv.apply("kunden"));
        assertThat(sv.apply("och är för")).isEmpty();
    }

    @Test
    void unrelated_answers_give_no_suggestion() {
        List<Text> answers = texts("Kahvi on hyvää", "Parkkipaikkoja on liian vähän", "Tulostin ei toimi");
        assertThat(GroupingSuggestions.suggest(answers, Language.FI)).isEmpty();
        assertThat(GroupingSuggestions.suggest(List.of(), Language.FI)).isEmpty();
    }
}
