package fi.arki.sharedcustomers;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.RatingScale;
import fi.arki.deck.Setting;
import fi.arki.deck.testing.DeckUnderTest;
import fi.arki.shared.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared customers deck covers what the strategy priority and the workshops (thesis ch. 1.4,
 * 6.2) raised, and tells participants that their input is shown by unit, not by person. What every
 * deck must get right is the platform's reader's job (and {@link SharedCustomersDeckContractTests}'s).
 */
class SharedCustomersDeckTests {

    final DeckUnderTest deck = DeckUnderTest.of(new SharedCustomersDeck());

    static final int MAX = 1;
    static final String DIMENSION = "shared-customers";

    @Test
    void the_cards_go_from_who_we_serve_together_to_one_shared_practice_and_its_follow_up() {
        assertThat(deck.manifest().id()).isEqualTo("sharedcustomers");
        assertThat(deck.cardIds()).containsExactly("customers", "services", "bouncing", "handover", "practice", "followup");
        assertThat(deck.cards()).allSatisfy(card -> assertThat(card.activities().getFirst()).as(card.id() + " opens with its theory")
                .isInstanceOf(Activity.Intro.class));
    }

    @Test
    void every_card_runs_alone_as_a_short_slot() {
        assertThat(deck.cards()).allSatisfy(card -> {
            assertThat(card.standalone()).as(card.id()).isTrue();
            assertThat(card.minutes()).as(card.id()).isLessThanOrEqualTo(15);
        });
    }

    @Test
    void bouncing_between_units_is_turned_into_start_continue_stop() {
        assertThat(deck.activity("bouncing", "scs")).isEqualTo(new Activity.StartContinueStop("scs"));
        assertThat(deck.activity("bouncing", "groups")).isEqualTo(new Activity.Group("groups", "scs"));
        assertThat(deck.activity("bouncing", "dots")).isInstanceOfSatisfying(Activity.Vote.class, v -> assertThat(v.of()).isEqualTo("groups"));
    }

    @Test
    void the_hand_over_is_rated_on_the_customer_effort_score() {
        assertThat(deck.activity("handover", "effort")).isEqualTo(new Activity.Rate("effort", RatingScale.CES));
    }

    @Test
    void the_units_agree_on_exactly_one_shared_practice_and_review_it_later() {
        Card practice = deck.card("practice");
        assertThat(deck.activity("practice", "targets")).isEqualTo(new Activity.CommitTargets("targets", 1));
        assertThat(practice.dimension()).isEqualTo("shared-customers");
        assertThat(deck.card("followup").activities()).extracting(Activity::kind).contains(ActivityKind.REVIEW_TARGETS);
    }

    @Test
    void the_shared_practice_belongs_to_shared_customers_named_so_in_every_language() {
        assertThat(deck.dimensions()).containsExactly("shared-customers");
        assertThat(Map.of(Language.FI, "Yhteiset asiakkaat", Language.SV, "Gemensamma kunder", Language.EN, "Shared customers"))
                .allSatisfy((language, label) -> assertThat(deck.text(language, "dimension.shared-customers")).isEqualTo(label));
    }

    @Test
    void attribution_to_teams_instead_of_units_is_a_setting_that_is_off_by_default() {
        assertThat(deck.manifest().settings())
                .containsExactly(new Setting("attribute-to-teams", Setting.Type.BOOLEAN, "false", null, null, List.of()));
    }

    /** The session engineer attributes input to units; the deck must tell people that it does. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void the_deck_says_it_is_for_several_units_and_shows_answers_by_unit_not_by_person(Language language) {
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
        assertThat(deck.text(language, "deck.description")).contains(unit, notPerson);
        assertThat(deck.text(language, "card.customers.intro")).contains(unit);
        assertThat(deck.text(language, "card.customers.who.help")).contains(unit);
        assertThat(deck.text(language, "card.services.offer.help")).contains(unit);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void the_intros_cite_the_strategy_and_the_workshops_with_their_years(Language language) {
        assertThat(deck.text(language, "card.customers.intro.source")).contains("2020", "Holma");
        assertThat(deck.text(language, "card.bouncing.intro.source")).contains("Valo Future Oy", "2022");
        assertThat(deck.text(language, "card.practice.intro.source")).contains("2020", "Valo Future Oy");
        assertThat(deck.introSources(language)).allSatisfy((key, source) -> assertThat(source).as(key).containsPattern("\\d{4}"));
    }

    /** A card run alone is a whole slot: the open targets first, at most {@code max} new ones last (a pulse may follow). */
    @Test
    void every_card_that_runs_alone_reviews_the_open_targets_first_and_commits_new_ones_last() {
        for (Card card : deck.cards()) {
            if (!card.standalone()) {
                continue;
            }
            List<ActivityKind> kinds = card.activities().stream().map(Activity::kind).toList();
            assertThat(kinds.subList(0, 2)).as(card.id()).containsExactly(ActivityKind.INTRO, ActivityKind.REVIEW_TARGETS);
            assertThat(card.activities()).as(card.id()).filteredOn(Activity.CommitTargets.class::isInstance)
                    .singleElement().isEqualTo(new Activity.CommitTargets("targets", MAX));
            assertThat(kinds.subList(kinds.indexOf(ActivityKind.COMMIT_TARGETS) + 1, kinds.size())).as(card.id())
                    .isSubsetOf(ActivityKind.PULSE);
            assertThat(card.dimension()).as(card.id()).isEqualTo(DIMENSION);
        }
        assertThat(deck.manifest().version()).isEqualTo("2.0.0");
    }
}
