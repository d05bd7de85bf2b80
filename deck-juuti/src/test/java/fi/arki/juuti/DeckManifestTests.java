package fi.arki.juuti;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.RatingScale;
import fi.arki.deck.Setting;
import fi.arki.deck.testing.DeckUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What this deck promises teams, beyond what the platform checks of every deck: the six
 * dimensions, each one card that runs alone as a 15-minute slot from the review of the team's open
 * targets to one or two new ones, and the closing ideation.
 */
class DeckManifestTests {

    static final List<String> SIX_DIMENSIONS = List.of("competence", "interaction", "commitment", "wellbeing", "fairness", "creativity");

    final DeckUnderTest deck = DeckUnderTest.of(new JuutiDeck());
    final List<Card> cards = deck.cards();

    @Test
    void the_source_is_juuti_2015_as_the_thesis_presents_it() {
        assertThat(deck.manifest().id()).isEqualTo("juuti");
        assertThat(deck.manifest().provenance().source()).startsWith("Juuti, P. 2015.");
        // as the thesis's own text has them: its English title, its chapters on the dimensions (3.1, after
        // Juuti's figure on p. 66) and on the tool (6.3), and the tool's appendix under its Finnish title
        assertThat(deck.manifest().provenance().reference()).contains("(YAMK)", "(SeAMK)", "Etelä-Pohjanmaan ELY-keskus",
                "Eventually only daily action will mean – Effects of staff’s actions on customer experience",
                "ch. 3.1, after Juuti 2015, p. 66", "ch. 6.3 and appendix 1 (Henkilöstön toiminnan vaikutus asiakaskokemukseen – työkalu)");
    }

    @Test
    void each_dimension_is_one_card_that_runs_alone_as_a_fifteen_minute_slot() {
        List<Card> dimensionCards = cards.stream().filter(card -> card.dimension() != null).toList();
        assertThat(dimensionCards).extracting(Card::id).containsExactlyElementsOf(SIX_DIMENSIONS);
        assertThat(dimensionCards).extracting(Card::dimension).containsExactlyElementsOf(SIX_DIMENSIONS);
        assertThat(dimensionCards).allSatisfy(card -> {
            assertThat(card.standalone()).as(card.id() + " standalone").isTrue();
            assertThat(card.minutes()).as(card.id() + " minutes").isEqualTo(15);
        });
        assertThat(deck.dimensions()).containsExactlyElementsOf(SIX_DIMENSIONS);
    }

    /**
     * The slot's own timing (deck.yaml's comment): review 2, intro 1, about a minute per question
     * or rating, pick 1, vote 1, targets 2 minutes. The longest card (interaction, the thesis's
     * 4 + 4 questions) just fits its 15 minutes; a card that outgrows it fails here.
     */
    @Test
    void the_steps_of_every_slot_fit_its_minutes() {
        for (Card card : cards) {
            long answering = card.activities().stream().filter(a -> a.kind() == ActivityKind.PROMPT
                    || a.kind() == ActivityKind.START_CONTINUE_STOP || a.kind() == ActivityKind.RATE).count();
            long minutes = 2 + 1 + answering + 1 + 2;
            if (card.dimension() != null) {
                assertThat(minutes).as(card.id() + ": 2 + 1 + %d + 1 + 2 minutes", answering).isLessThanOrEqualTo(card.minutes());
            }
        }
        assertThat(cards.stream().mapToInt(Card::minutes).sum()).as("a whole-deck run, by the deck's own timings").isEqualTo(6 * 15 + 20);
    }

    @Test
    void every_card_opens_with_its_theory_and_then_reviews_the_teams_open_targets() {
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.activities().getFirst()).as(card.id()).isInstanceOf(Activity.Intro.class);
            assertThat(card.activities().get(1)).as(card.id()).isEqualTo(new Activity.ReviewTargets("review"));
        });
    }

    @Test
    void every_card_ends_in_at_most_two_development_targets() {
        assertThat(cards).allSatisfy(card -> assertThat(card.activities()).as(card.id())
                .filteredOn(Activity.CommitTargets.class::isInstance).singleElement()
                .isEqualTo(new Activity.CommitTargets("targets", 2)));
        for (Card card : cards) {
            List<ActivityKind> kinds = card.activities().stream().map(Activity::kind).toList();
            assertThat(kinds.subList(kinds.indexOf(ActivityKind.COMMIT_TARGETS) + 1, kinds.size())).as(card.id() + " after its targets")
                    .isSubsetOf(ActivityKind.PULSE);
        }
    }

    /**
     * A vote names one earlier activity; so that it covers every question the card asks, each
     * participant first picks what matters most of any of the card's answers, the facilitator groups
     * the picks that mean the same (2.1.0), and the vote is over those groups and every pick in none.
     */
    @Test
    void every_dimension_votes_over_the_grouped_picks_from_all_of_its_questions() {
        for (Card card : cards) {
            if (card.dimension() != null) {
                List<Activity> activities = card.activities();
                Activity vote = activities.stream().filter(Activity.Vote.class::isInstance).collect(onlyOne());
                assertThat(vote).as(card.id()).isEqualTo(new Activity.Vote("vote", "group", 3));
                assertThat(activities).as(card.id()).contains(new Activity.Group("group", "pick"));
                int pick = activities.indexOf(new Activity.Prompt("pick"));
                assertThat(activities.subList(pick + 1, activities.size())).as(card.id() + " no question after the pick")
                        .extracting(Activity::kind).doesNotContain(ActivityKind.PROMPT, ActivityKind.START_CONTINUE_STOP);
            }
        }
    }

    @Test
    void the_closing_vote_is_over_the_groups_of_ideas_and_the_pulse_is_satisfaction_from_one_to_five() {
        List<Activity> closing = cards.getLast().activities();
        assertThat(closing).filteredOn(Activity.Vote.class::isInstance).singleElement()
                .isEqualTo(new Activity.Vote("vote", "group", 3));
        assertThat(closing).extracting(Activity::kind).containsSubsequence(
                ActivityKind.REVIEW_TARGETS, ActivityKind.PROMPT, ActivityKind.GROUP, ActivityKind.VOTE,
                ActivityKind.COMMIT_TARGETS, ActivityKind.PULSE);
        assertThat(closing.getLast()).isEqualTo(new Activity.Pulse("pulse", RatingScale.SCALE_1_5));
    }

    @Test
    void the_thesis_measures_sit_where_the_thesis_uses_them() {
        assertThat(deck.activity("commitment", "enps")).as("employee experience, ch. 3.2").isEqualTo(new Activity.Rate("enps", RatingScale.ENPS));
        assertThat(deck.activity("closing", "nps")).as("customers' willingness to recommend, ch. 2").isEqualTo(new Activity.Rate("nps", RatingScale.NPS));
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.getFirst();
        });
    }

    @Test
    void the_vote_budget_is_a_setting_of_three_dots_by_default() {
        assertThat(deck.manifest().settings())
                .containsExactly(new Setting("vote-budget", Setting.Type.INTEGER, "3", 1, 10, List.of()));
    }
}
