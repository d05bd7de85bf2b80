package fi.arki.insight;

import fi.arki.deck.RatingScale;
import fi.arki.directory.TeamId;
import fi.arki.directory.UnitId;
import fi.arki.followup.TargetStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far a tenant's rollout has come since a moment, for customer-experience leads and
 * management: which teams have held sessions, what they committed to, and ratings aggregated over
 * sessions. No one's words and no names of participants are in it, and every rating figure comes
 * from at least the tenant's anonymity threshold of respondents.
 *
 * @param since        the start of the period (sessions started at or after it)
 * @param threshold    the tenant's anonymity threshold the figures respect
 * @param units        every unit with every team, in the directory's order
 * @param months       sessions held per calendar month of the period, oldest first, months without any included
 * @param ratings      one line per rate or pulse question asked in the period
 * @param targets      the development targets committed in the period by the tenant's teams
 */
public record Coverage(Instant since, int threshold, List<UnitLine> units, List<MonthCount> months, List<RatingLine> ratings,
                       List<TargetLine> targets) {

    public Coverage {
        units = List.copyOf(units);
        months = List.copyOf(months);
        ratings = List.copyOf(ratings);
        targets = List.copyOf(targets);
    }

    public int teamCount() {
        return units.stream().mapToInt(u -> u.teams().size()).sum();
    }

    public int teamsReached() {
        return units.stream().mapToInt(UnitLine::teamsReached).sum();
    }

    public int sessionCount() {
        return months.stream().mapToInt(MonthCount::sessions).sum();
    }

    public record UnitLine(UnitId id, String name, List<TeamLine> teams) {

        public UnitLine {
            teams = List.copyOf(teams);
        }

        public int teamsReached() {
            return (int) teams.stream().filter(t -> t.sessions() > 0).count();
        }
    }

    /**
     * @param decks         the titles of the decks the team ran in the period
     * @param followThrough of the period's targets that are due, how many the team reviewed as done
     */
    public record TeamLine(TeamId id, String name, int sessions, @Nullable Instant lastSession, List<String> decks,
                           int openTargets, int doneTargets, int overdueTargets, FollowThrough followThrough) {

        public TeamLine {
            decks = List.copyOf(decks);
        }
    }

    public record MonthCount(YearMonth month, int sessions) {
    }

    /**
     * A rating question over the closed sessions of the period that asked it: the whole tenant's
     * figure and one per unit. Only sessions in which at least the threshold of participants
     * answered the question count (the same rule that shows or withholds the result in the session
     * itself), so no figure here, and no difference between two figures, describes fewer people.
     * Sessions of teams from several units count in the total only.
     *
     * @param total   null when no session of the period had enough answers
     * @param leftOut closed sessions that asked the question but had too few answers to count
     */
    public record RatingLine(String deck, String card, String question, RatingScale scale, @Nullable Figure total,
                             Map<UnitId, Figure> byUnit, int leftOut) {

        public RatingLine {
            byUnit = Map.copyOf(byUnit);
        }
    }

    /**
     * Ratings pooled over sessions: how many sessions and answers, the average, the net score on
     * NPS scales and the count per value.
     */
    public record Figure(int sessions, int answers, double average, @Nullable Integer netScore, Map<Integer, Long> distribution) {

        public Figure {
            distribution = Map.copyOf(distribution);
        }
    }

    public record TargetLine(String title, TeamId team, String teamName, LocalDate due, TargetStatus status, boolean overdue,
                             @Nullable String dimension) {
    }
}
