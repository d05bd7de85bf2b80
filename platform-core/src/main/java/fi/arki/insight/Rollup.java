package fi.arki.insight;

import fi.arki.deck.RatingScale;
import java.time.Instant;
import java.util.List;

/**
 * The cross-organisation view for the platform: how far the tenants that chose to share have come
 * since a moment, and their ratings pooled. Only counts and pooled figures, each built from
 * sessions that reached their tenant's anonymity threshold; no team, unit, person, answer or target
 * title of any tenant is in it.
 *
 * @param organisations one line per sharing tenant, by name
 * @param notSharing    how many tenants do not share (they are not named)
 * @param ratings       one line per rate or pulse question any sharing tenant asked, pooled over them
 */
public record Rollup(Instant since, List<OrganisationLine> organisations, int notSharing, List<RatingLine> ratings) {

    public Rollup {
        organisations = List.copyOf(organisations);
        ratings = List.copyOf(ratings);
    }

    public int teams() {
        return organisations.stream().mapToInt(OrganisationLine::teams).sum();
    }

    public int teamsReached() {
        return organisations.stream().mapToInt(OrganisationLine::teamsReached).sum();
    }

    public int sessions() {
        return organisations.stream().mapToInt(OrganisationLine::sessions).sum();
    }

    public record OrganisationLine(String name, int teams, int teamsReached, int sessions, int targetsOpen, int targetsDone,
                                   int targetsOverdue) {
    }

    /** @param organisations how many sharing tenants' figures the pooled one holds */
    public record RatingLine(String deck, String card, String question, RatingScale scale, Coverage.Figure total, int organisations) {
    }
}
