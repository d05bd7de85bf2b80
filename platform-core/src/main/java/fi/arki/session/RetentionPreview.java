package fi.arki.session;

import java.time.Instant;

/** What a retention period means now: sessions closed before {@code closedBefore} go, {@code sessions} of them today. */
public record RetentionPreview(int retentionDays, Instant closedBefore, int sessions) {
}
