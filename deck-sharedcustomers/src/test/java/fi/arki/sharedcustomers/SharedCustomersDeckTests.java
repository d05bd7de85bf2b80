package fi.arki.sharedcustomers;

import static fi.arki.sharedcustomers.DeckFiles.activities;
import static fi.arki.sharedcustomers.DeckFiles.activity;
import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.shared.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared customers deck covers what the strategy priority and the workshops (thesis ch. 1.4,
 * 6.2) raised, and tells participants that their input is shown by unit, not by person.
 */
class SharedCustomersDeckTests extends DeckFilesChecks {

    SharedCustomersDeckTests() {
        super(new SharedCustomersDeck());
    }

    @Test
    void the_cards_go_from_who_we_serve_together_to_one_shared_practice_and_its_follow_up() {
        assertThat(deck.manifest().get("id")).isEqualTo("sharedcustomers");
        assertThat(deck.cardIds()).containsExactly("customers", "services", "bouncing", "handover", "practice", "followup");
    }

    @Test
    void every_card_runs_alone_as_a_short_slot() {
        assertThat(deck.cards()).allSatisfy(card -> {
            assertThat(card).containsEntry("standalone", true);
            assertThat((Integer) card.get("minutes")).isLessThanOrEqualTo(15);
        });
    }

    @Test
    void bouncing_between_units_is_turned_into_start_continue_stop() {
        Map<String, Object> bouncing = deck.card("bouncing");
        assertThat(activity(bouncing, "scs")).containsEntry("kind", "start-continue-stop");
        assertThat(activity(bouncing, "groups")).containsEntry("of", "scs");
        assertThat(activity(bouncing, "dots")).containsEntry("of", "groups");
    }

    @Test
    void the_hand_over_is_rated_on_the_customer_effort_score() {
        assertThat(activity(deck.card("handover"), "effort")).containsEntry("kind", "rate").containsEntry("scale", "ces");
    }

    @Test
    void the_units_agree_on_exactly_one_shared_practice_and_review_it_later() {
        Map<String, Object> practice = deck.card("practice");
        assertThat(activity(practice, "targets")).containsEntry("kind", "commit-targets").containsEntry("max", 1);
        assertThat(practice).containsEntry("dimension", "shared-customers");
        assertThat(activities(deck.card("followup"))).extracting(a -> a.get("kind")).contains("review-targets");
    }

    @Test
    void attribution_to_teams_instead_of_units_is_a_setting_that_is_off_by_default() {
        assertThat(deck.settings()).singleElement().satisfies(setting -> assertThat(setting)
                .containsEntry("key", "attribute-to-teams").containsEntry("type", "boolean").containsEntry("default", false));
    }

    /** The session engineer attributes input to units; the deck must tell people that it does. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void the_deck_says_it_is_for_several_units_and_shows_answers_by_unit_not_by_person(Language language) {
        Map<String, String> texts = deck.texts().get(language);
        String unit = switch (language) {
            case FI -> "yksik";
            case SV -> "enhet";
            case EN -> "unit";
        };
        String notPerson = switch (language) {
            case FI -> "ei kirjoittajan";
            case SV -> "inte med skribentens";
            case EN -> "never of the person";
        };
        assertThat(texts.get("deck.description")).contains(unit, notPerson);
        assertThat(texts.get("card.customers.intro")).contains(unit);
        assertThat(texts.get("card.customers.who.help")).contains(unit);
        assertThat(texts.get("card.services.offer.help")).contains(unit);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void the_intros_cite_the_strategy_and_the_workshops(Language language) {
        Map<String, String> texts = deck.texts().get(language);
        assertThat(texts.get("card.customers.intro.source")).contains("2020", "Holma");
        assertThat(texts.get("card.bouncing.intro.source")).contains("Valo Future Oy", "2022");
        assertThat(texts.get("card.practice.intro.source")).contains("2020", "Valo Future Oy");
    }
}
