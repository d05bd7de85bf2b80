package fi.arki.juuti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What this deck promises teams, beyond what the platform checks of every deck: the six
 * dimensions, each runnable as a 15-minute slot, a review of earlier targets first and the
 * closing ideation with one or two targets last.
 */
class DeckManifestTests {

    static final List<String> SIX_DIMENSIONS = List.of("competence", "interaction", "commitment", "wellbeing", "fairness", "creativity");

    final Map<String, Object> manifest = DeckFiles.manifest();
    final List<Map<String, Object>> cards = DeckFiles.cards();

    @Test
    void the_provider_serves_this_manifest() {
        JuutiDeck provider = new JuutiDeck();
        assertThat(manifest.get("id")).isEqualTo(provider.id()).isEqualTo("juuti");
        assertThat(provider.classLoader().getResource(provider.contentLocation() + "/deck.yaml")).isNotNull();
        assertThat((String) manifest.get("version")).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void the_source_is_juuti_2015_as_the_thesis_presents_it() {
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = (Map<String, Object>) manifest.get("provenance");
        assertThat((String) provenance.get("source")).startsWith("Juuti, P. 2015.");
        assertThat((String) provenance.get("reference")).contains("ch. 3.1", "appendix 1");
        assertThat((String) manifest.get("license")).isNotBlank();
    }

    @Test
    void every_dimension_has_cards_and_each_runs_alone_in_fifteen_minutes() {
        Set<Object> dimensions = new LinkedHashSet<>();
        for (Map<String, Object> card : cards) {
            if (card.get("dimension") != null) {
                dimensions.add(card.get("dimension"));
                assertThat(card.get("standalone")).as(card.get("id") + " standalone").isEqualTo(true);
                assertThat((Integer) card.get("minutes")).as(card.get("id") + " minutes").isBetween(10, 15);
                assertThat(DeckFiles.activities(card)).as(card.get("id") + " activities").hasSizeBetween(3, 6);
            }
        }
        assertThat(dimensions).containsExactlyElementsOf(SIX_DIMENSIONS);
    }

    @Test
    void every_card_opens_with_an_intro_and_ids_are_unique() {
        Set<Object> cardIds = new HashSet<>();
        for (Map<String, Object> card : cards) {
            assertThat(cardIds.add(card.get("id"))).as("card id " + card.get("id")).isTrue();
            assertThat((String) card.get("id")).matches("[a-z][a-z0-9-]*");
            List<Map<String, Object>> activities = DeckFiles.activities(card);
            assertThat(activities.getFirst().get("kind")).as(card.get("id") + " first activity").isEqualTo("intro");
            Set<Object> activityIds = new HashSet<>();
            activities.forEach(a -> assertThat(activityIds.add(a.get("id"))).as(card.get("id") + "." + a.get("id")).isTrue());
        }
    }

    @Test
    void a_vote_or_grouping_works_on_answers_or_groups_made_earlier_on_the_same_card() {
        for (Map<String, Object> card : cards) {
            Set<Object> answered = new HashSet<>();
            Set<Object> grouped = new HashSet<>();
            for (Map<String, Object> activity : DeckFiles.activities(card)) {
                Object kind = activity.get("kind");
                String where = card.get("id") + "." + activity.get("id") + " of";
                if ("group".equals(kind)) {
                    assertThat(answered).as(where).contains(activity.get("of"));
                    grouped.add(activity.get("id"));
                }
                if ("vote".equals(kind)) {
                    assertThat(activity.get("of")).as(where).isIn(union(answered, grouped));
                    assertThat((Integer) activity.get("budget")).isBetween(1, 10);
                }
                if ("prompt".equals(kind) || "start-continue-stop".equals(kind)) {
                    answered.add(activity.get("id"));
                }
            }
        }
    }

    @Test
    void the_closing_vote_is_over_the_groups_of_ideas() {
        List<Map<String, Object>> closing = DeckFiles.activities(cards.getLast());
        assertThat(closing).filteredOn(a -> "vote".equals(a.get("kind"))).singleElement()
                .extracting(a -> a.get("of")).isEqualTo("group");
    }

    private static Set<Object> union(Set<Object> a, Set<Object> b) {
        Set<Object> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void a_full_run_reviews_earlier_targets_first_and_commits_one_or_two_new_ones_last() {
        assertThat(DeckFiles.activities(cards.getFirst())).extracting(a -> a.get("kind")).contains("review-targets");
        List<Map<String, Object>> closing = DeckFiles.activities(cards.getLast());
        assertThat(closing).extracting(a -> a.get("kind"))
                .containsSubsequence("prompt", "group", "vote", "commit-targets", "pulse");
        assertThat(closing).filteredOn(a -> "commit-targets".equals(a.get("kind")))
                .singleElement().extracting(a -> a.get("max")).isEqualTo(2);
        assertThat(cards.subList(0, cards.size() - 1))
                .allSatisfy(c -> assertThat(DeckFiles.activities(c)).extracting(a -> a.get("kind")).doesNotContain("commit-targets"));
    }

    @Test
    void the_vote_budget_setting_has_a_default_within_its_range() {
        assertThat(DeckFiles.settings()).singleElement().satisfies(setting -> {
            assertThat(setting.get("key")).isEqualTo("vote-budget");
            assertThat(setting.get("type")).isEqualTo("integer");
            assertThat((Integer) setting.get("default")).isBetween((Integer) setting.get("min"), (Integer) setting.get("max"));
        });
    }
}
