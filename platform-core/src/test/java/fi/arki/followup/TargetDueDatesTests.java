package fi.arki.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.arki.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The console's due-date picker and the service agree on the first allowed day whatever zone the
 * server runs in: at 22:30 UTC on 7 December it is already 8 December in Helsinki.
 */
class TargetDueDatesTests {

    static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-07T22:30:00Z");

    @Test
    void after_22_utc_the_earliest_due_date_is_already_tomorrow_in_finland() {
        // the server's clock in UTC, and in a zone west of UTC: the answer does not follow the server's zone
        for (ZoneId serverZone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York")}) {
            Clock clock = Clock.fixed(LATE_EVENING_UTC, serverZone);
            assertThat(LocalDate.now(clock)).as("the server's own calendar day in %s", serverZone).isBefore(LocalDate.of(2026, 12, 8));
            assertThat(TargetDueDates.earliest(clock)).as("in %s", serverZone).isEqualTo(LocalDate.of(2026, 12, 8));
        }
    }

    @Test
    void before_22_utc_it_is_the_same_day() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T21:59:00Z"), ZoneOffset.UTC);
        assertThat(TargetDueDates.earliest(clock)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void the_service_refuses_exactly_the_days_the_picker_does_not_offer() {
        Clock clock = Clock.fixed(LATE_EVENING_UTC, ZoneOffset.UTC);
        LocalDate earliest = TargetDueDates.earliest(clock);
        assertThatCode(() -> TargetDueDates.requireNotPast(earliest, clock)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TargetDueDates.requireNotPast(earliest.minusDays(1), clock))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("target.error.due-past");
    }
}
