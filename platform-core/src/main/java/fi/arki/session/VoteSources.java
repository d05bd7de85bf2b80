package fi.arki.session;

import fi.arki.deck.Activity;
import java.util.List;
import java.util.Optional;

/** Which step a group or vote step is over: the activity its deck names, in the same card. */
final class VoteSources {

    private VoteSources() {
    }

    /** The activity id a group or vote is over; empty for every other kind. */
    static Optional<String> of(Activity activity) {
        return switch (activity) {
            case Activity.Group group -> Optional.of(group.of());
            case Activity.Vote vote -> Optional.of(vote.of());
            default -> Optional.empty();
        };
    }

    static Optional<Integer> index(List<LiveState.Step> steps, LiveState.Step step, String activityId) {
        return steps.stream().filter(s -> s.cardId().equals(step.cardId()) && s.activityId().equals(activityId))
                .findFirst().map(LiveState.Step::index);
    }
}
