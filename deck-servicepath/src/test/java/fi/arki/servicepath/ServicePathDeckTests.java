package fi.arki.servicepath;

import static fi.arki.servicepath.DeckFiles.activities;
import static fi.arki.servicepath.DeckFiles.activity;
import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.shared.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The service path deck says what thesis ch. 2.1–2.3 asks of it, in three languages. */
class ServicePathDeckTests extends DeckFilesChecks {

    ServicePathDeckTests() {
        super(new ServicePathDeck());
    }

    @Test
    void the_cards_walk_from_the_path_through_emotions_and_effort_to_what_to_improve_and_the_follow_up() {
        assertThat(deck.manifest().get("id")).isEqualTo("servicepath");
        assertThat(deck.cardIds()).containsExactly("journey", "emotions", "effort", "channels", "improve", "followup");
    }

    @Test
    void the_journey_map_covers_pre_core_and_post_with_every_kind_of_touchpoint_owner() {
        Map<String, Object> map = activity(deck.card("journey"), "path");
        assertThat(map.get("kind")).isEqualTo("journey-map");
        assertThat(map.get("stages")).isEqualTo(List.of("pre", "core", "post"));
        assertThat(map.get("owners")).isEqualTo(List.of("own", "partner", "customer", "digital"));
    }

    @Test
    void the_team_first_chooses_one_situation_to_map() {
        Map<String, Object> choose = activity(deck.card("journey"), "choose");
        assertThat(choose).containsEntry("kind", "vote").containsEntry("of", "situation").containsEntry("budget", 1);
    }

    @Test
    void peak_and_end_each_get_their_own_question() {
        Map<String, Object> emotions = deck.card("emotions");
        assertThat(activity(emotions, "peak")).containsEntry("kind", "prompt");
        assertThat(activity(emotions, "end")).containsEntry("kind", "prompt");
        assertThat(activity(emotions, "mood")).containsEntry("kind", "rate").containsEntry("scale", "smileys");
    }

    @Test
    void effort_is_rated_on_the_customer_effort_score() {
        assertThat(activity(deck.card("effort"), "estimate")).containsEntry("kind", "rate").containsEntry("scale", "ces");
    }

    @Test
    void the_team_commits_to_at_most_two_touchpoints_and_reviews_them_next_time() {
        Map<String, Object> improve = deck.card("improve");
        assertThat(activities(improve)).extracting(a -> a.get("kind"))
                .containsSubsequence("prompt", "vote", "commit-targets", "pulse");
        assertThat(activity(improve, "targets")).containsEntry("max", 2);
        assertThat(improve).containsEntry("dimension", "service-path");
        assertThat(activities(deck.card("followup"))).extracting(a -> a.get("kind")).contains("review-targets");
    }

    @Test
    void every_card_runs_alone_except_choosing_what_to_improve() {
        assertThat(deck.cards()).filteredOn(c -> Boolean.FALSE.equals(c.get("standalone")))
                .extracting(c -> c.get("id")).containsExactly("improve");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void the_intros_cite_the_authors_the_thesis_draws_on(Language language) {
        Map<String, String> texts = deck.texts().get(language);
        assertThat(texts.get("card.journey.intro.source")).contains("Saarijärvi & Puustinen 2020", "Tuulaniemi 2011");
        assertThat(texts.get("card.emotions.intro.source")).contains("Kahneman 2011", "Killström 2020");
        assertThat(texts.get("card.effort.intro.source")).contains("Löytänä & Korkiakoski 2014");
        assertThat(texts.get("card.channels.intro.source")).contains("Filenius 2015");
    }
}
