package fi.arki.insight;

import fi.arki.followup.DevelopmentTarget;
import fi.arki.followup.TargetStatus;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A team's follow-through: of its targets whose due date has come, how many it reviewed as done.
 * Like every figure of the coverage page, the rate is given only from the tenant's anonymity
 * threshold up (here: at least that many targets due), so that one or two targets never stand for
 * a team's habits; below it the counts stay, the rate is null.
 *
 * @param due     targets committed in the period whose due date is today or earlier
 * @param done    of those, the ones reviewed as done
 * @param percent {@code done ÷ due} rounded to a whole percent, or null below the threshold
 */
public record FollowThrough(int due, int done, @Nullable Integer percent) {

    static FollowThrough of(List<DevelopmentTarget> targets, LocalDate today, int threshold) {
        List<DevelopmentTarget> due = targets.stream().filter(t -> !t.due().isAfter(today)).toList();
        int done = (int) due.stream().filter(t -> t.status() == TargetStatus.DONE).count();
        Integer percent = due.isEmpty() || due.size() < threshold ? null : (int) Math.round(100.0 * done / due.size());
        return new FollowThrough(due.size(), done, percent);
    }
}
