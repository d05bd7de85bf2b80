package fi.arki.juuti;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import fi.arki.deck.Setting;
import fi.arki.deck.testing.DeckUnderTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What this deck promises teams, beyond what the platform checks of every deck: the six
 * dimensions, each runnable as a 15-minute slot, a review of earlier targets first and the
 * closing ideation with one or two targets last.
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
    void every_dimension_has_cards_and_each_runs_alone_in_fifteen_minutes() {
        for (Card card : cards) {
            if (card.dimension() != null) {
                assertThat(card.standalone()).as(card.id() + " standalone").isTrue();
                assertThat(card.minutes()).as(card.id() + " minutes").isBetween(10, 15);
                assertThat(card.activities()).as(card.id() + " activities").hasSizeBetween(3, 6);
            }
        }
        assertThat(deck.dimensions()).containsExactlyElementsOf(SIX_DIMENSIONS);
    }

    @Test
    void every_card_opens_with_its_theory() {
        assertThat(cards).allSatisfy(card -> assertThat(card.activities().getFirst()).as(card.id()).isInstanceOf(Activity.Intro.class));
    }

    @Test
    void the_closing_vote_is_over_the_groups_of_ideas() {
        assertThat(cards.getLast().activities()).filteredOn(Activity.Vote.class::isInstance).singleElement()
                .isEqualTo(new Activity.Vote("vote", "group", 3));
    }

    @Test
    void a_full_run_reviews_earlier_targets_first_and_commits_one_or_two_new_ones_last() {
        assertThat(cards.getFirst().activities()).extracting(Activity::kind).contains(ActivityKind.REVIEW_TARGETS);
        List<Activity> closing = cards.getLast().activities();
        assertThat(closing).extracting(Activity::kind).containsSubsequence(
                ActivityKind.PROMPT, ActivityKind.GROUP, ActivityKind.VOTE, ActivityKind.COMMIT_TARGETS, ActivityKind.PULSE);
        assertThat(closing).filteredOn(Activity.CommitTargets.class::isInstance).singleElement()
                .isEqualTo(new Activity.CommitTargets("targets", 2));
        assertThat(cards.subList(0, cards.size() - 1)).allSatisfy(c -> assertThat(c.activities())
                .extracting(Activity::kind).doesNotContain(ActivityKind.COMMIT_TARGETS));
    }

    @Test
    void the_vote_budget_is_a_setting_of_three_dots_by_default() {
        assertThat(deck.manifest().settings())
                .containsExactly(new Setting("vote-budget", Setting.Type.INTEGER, "3", 1, 10, List.of()));
    }
}
