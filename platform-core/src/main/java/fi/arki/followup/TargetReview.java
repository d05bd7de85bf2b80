package fi.arki.followup;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A target's review in a session. */
public record TargetReview(TargetId target, UUID sessionId, ReviewOutcome outcome, @Nullable String note, Instant reviewedAt) {
}
