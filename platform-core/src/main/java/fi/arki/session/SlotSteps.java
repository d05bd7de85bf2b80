package fi.arki.session;

import fi.arki.deck.Activity;
import fi.arki.deck.ActivityKind;
import fi.arki.deck.Card;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a session runs for the cards it was started with. A card that runs alone is a whole
 * slot of a team meeting: it opens by reviewing the team's open targets and ends by committing new
 * ones. Several cards in one session are one conversation, so the targets are reviewed once, at
 * the first card that reviews them, and committed once, at the last card that commits them; the
 * other cards' review and commit steps are left out. (A session commits at most its commit step's
 * {@code max} targets in all, so commit steps in between would only ask the same question again.)
 */
final class SlotSteps {

    private SlotSteps() {
    }

    /** One step: which card and activity it runs. */
    record Step(Card card, Activity activity) {
    }

    static List<Step> of(List<Card> cards) {
        List<Step> all = new ArrayList<>();
        for (Card card : cards) {
            for (Activity activity : card.activities()) {
                all.add(new Step(card, activity));
            }
        }
        int firstReview = firstIndex(all, ActivityKind.REVIEW_TARGETS);
        int lastCommit = lastIndex(all, ActivityKind.COMMIT_TARGETS);
        List<Step> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ActivityKind kind = all.get(i).activity().kind();
            if (kind == ActivityKind.REVIEW_TARGETS && i != firstReview || kind == ActivityKind.COMMIT_TARGETS && i != lastCommit) {
                continue;
            }
            kept.add(all.get(i));
        }
        return kept;
    }

    private static int firstIndex(List<Step> steps, ActivityKind kind) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).activity().kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndex(List<Step> steps, ActivityKind kind) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).activity().kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
