package fi.arki.deck;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A card of a deck: a title ({@code card.<id>.title}), its activities in order, and how long it
 * takes. A {@code standalone} card can be run on its own, e.g. one Juuti dimension as a 15-minute
 * slot at the start or end of a team meeting. {@code dimension} names the theme targets committed
 * on this card belong to (e.g. Juuti's "competence").
 */
public record Card(String id, int minutes, boolean standalone, @Nullable String dimension, List<Activity> activities) {

    public Card {
        activities = List.copyOf(activities);
    }

    public Optional<Activity> activity(String activityId) {
        return activities.stream().filter(a -> a.id().equals(activityId)).findFirst();
    }
}
