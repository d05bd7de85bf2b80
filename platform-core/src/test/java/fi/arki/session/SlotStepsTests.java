package fi.arki.session;

import static org.assertj.core.api.Assertions.assertThat;

import fi.arki.deck.Activity;
import fi.arki.deck.Card;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotStepsTests {

    static Card slot(String id) {
        return new Card(id, 15, true, id, List.of(new Activity.Intro("intro", null), new Activity.ReviewTargets("review"),
                new Activity.Prompt("q1"), new Activity.Prompt("pick"), new Activity.Vote("vote", "pick", 3),
                new Activity.CommitTargets("targets", 2)));
    }

    static List<String> names(List<SlotSteps.Step> steps) {
        return steps.stream().map(s -> s.card().id() + "/" + s.activity().id()).toList();
    }

    @Test
    void a_card_run_alone_is_a_whole_slot_from_review_to_targets() {
        assertThat(names(SlotSteps.of(List.of(slot("competence"))))).containsExactly(
                "competence/intro", "competence/review", "competence/q1", "competence/pick", "competence/vote", "competence/targets");
    }

    @Test
    void several_cards_review_once_at_the_start_and_commit_once_at_the_end() {
        assertThat(names(SlotSteps.of(List.of(slot("competence"), slot("interaction"), slot("wellbeing"))))).containsExactly(
                "competence/intro", "competence/review", "competence/q1", "competence/pick", "competence/vote",
                "interaction/intro", "interaction/q1", "interaction/pick", "interaction/vote",
                "wellbeing/intro", "wellbeing/q1", "wellbeing/pick", "wellbeing/vote", "wellbeing/targets");
    }

    @Test
    void cards_without_review_or_commit_keep_every_step() {
        Card talk = new Card("talk", 10, true, null, List.of(new Activity.Intro("intro", null), new Activity.Prompt("q")));
        assertThat(names(SlotSteps.of(List.of(talk, talk)))).containsExactly("talk/intro", "talk/q", "talk/intro", "talk/q");
    }
}
