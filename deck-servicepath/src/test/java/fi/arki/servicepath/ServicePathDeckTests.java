package fi.arki.servicepath;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.Activity.JourneyStage;
import fi.arki.deck.Activity.TouchpointOwner;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.RatingScale;
import fi.arki.deck.testing.DeckUnderTest;
import fi.arki.shared.Language;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The service path deck says what thesis ch. 2.1–2.3 asks of it, in three languages. What every
 * deck must get right is the platform's reader's job (and {@link ServicePathDeckContractTests}'s).
 */
class ServicePathDeckTests {

    final DeckUnderTest deck = DeckUnderTest.of(new ServicePathDeck());

    static final int MAX = 2;
    static final String DIMENSION = "service-path";

    @Test
    void the_cards_walk_from_the_path_through_emotions_and_effort_to_what_to_improve_and_the_follow_up() {
        assertThat(deck.manifest().id()).isEqualTo("servicepath");
        assertThat(deck.cardIds()).containsExactly("journey", "emotions", "effort", "channels", "improve", "followup");
        assertThat(deck.cards()).allSatisfy(card -> assertThat(card.activities().getFirst()).as(card.id() + " opens with its theory")
                .isInstanceOf(Activity.Intro.class));
    }

    @Test
    void the_journey_map_covers_pre_core_and_post_with_every_kind_of_touchpoint_owner() {
        assertThat(deck.activity("journey", "path")).isEqualTo(new Activity.JourneyMap("path",
                List.of(JourneyStage.PRE, JourneyStage.CORE, JourneyStage.POST),
                List.of(TouchpointOwner.OWN, TouchpointOwner.PARTNER, TouchpointOwner.CUSTOMER, TouchpointOwner.DIGITAL)));
    }

    @Test
    void the_team_first_chooses_one_situation_to_map() {
        assertThat(deck.activity("journey", "choose")).isEqualTo(new Activity.Vote("choose", "situation", 1));
    }

    @Test
    void peak_and_end_each_get_their_own_question() {
        assertThat(deck.activity("emotions", "peak")).isEqualTo(new Activity.Prompt("peak"));
        assertThat(deck.activity("emotions", "end")).isEqualTo(new Activity.Prompt("end"));
        assertThat(deck.activity("emotions", "mood")).isEqualTo(new Activity.Rate("mood", RatingScale.SMILEYS));
    }

    @Test
    void effort_is_rated_on_the_customer_effort_score() {
        assertThat(deck.activity("effort", "estimate")).isEqualTo(new Activity.Rate("estimate", RatingScale.CES));
    }

    @Test
    void the_team_commits_to_at_most_two_touchpoints_and_reviews_them_next_time() {
        Card improve = deck.card("improve");
        assertThat(improve.activities()).extracting(Activity::kind)
                .containsSubsequence(ActivityKind.PROMPT, ActivityKind.VOTE, ActivityKind.COMMIT_TARGETS, ActivityKind.PULSE);
        assertThat(deck.activity("improve", "targets")).isEqualTo(new Activity.CommitTargets("targets", 2));
        assertThat(improve.dimension()).isEqualTo("service-path");
        assertThat(deck.card("followup").activities()).extracting(Activity::kind).contains(ActivityKind.REVIEW_TARGETS);
    }

    @Test
    void targets_belong_to_the_service_path_named_so_in_every_language() {
        assertThat(deck.dimensions()).containsExactly("service-path");
        assertThat(Map.of(Language.FI, "Palvelupolku", Language.SV, "Servicestig", Language.EN, "Service path"))
                .allSatisfy((language, label) -> assertThat(deck.text(language, "dimension.service-path")).isEqualTo(label));
    }

    @Test
    void every_card_runs_alone_except_choosing_what_to_improve() {
        assertThat(deck.cards()).filteredOn(c -> !c.standalone()).extracting(Card::id).containsExactly("improve");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void the_intros_cite_the_authors_the_thesis_draws_on_with_their_years(Language language) {
        assertThat(deck.text(language, "card.journey.intro.source")).contains("Saarijärvi & Puustinen 2020", "Tuulaniemi 2011");
        assertThat(deck.text(language, "card.emotions.intro.source")).contains("Kahneman 2011", "Killström 2020");
        assertThat(deck.text(language, "card.effort.intro.source")).contains("Löytänä & Korkiakoski 2014");
        assertThat(deck.text(language, "card.channels.intro.source")).contains("Filenius 2015");
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
