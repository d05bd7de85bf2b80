package fi.arki.followup;

import fi.arki.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The earliest due date a new target may have, one rule for the service that refuses a past date
 * and for the console's date picker that offers dates. Due dates are calendar days in Finland,
 * where Arki's tenants are: between 22:00 and 24:00 UTC (21:00 in summer) the server's default
 * zone, usually UTC, is still on yesterday, so a picker built on it offered a day the service
 * then refused.
 */
public final class TargetDueDates {

    /** The zone due dates are days of. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

    private TargetDueDates() {
    }

    /** Today in Finland: the earliest allowed due date. */
    public static LocalDate earliest(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Refuses a due date before {@link #earliest}. */
    static void requireNotPast(LocalDate due, Clock clock) {
        if (due.isBefore(earliest(clock))) {
            throw new InvalidInputException("target.error.due-past");
        }
    }
}
