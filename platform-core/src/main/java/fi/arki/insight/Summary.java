package fi.arki.insight;

import fi.arki.shared.Language;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A closed session's summary in one language: what was written card by card (with groups and
 * votes), ratings only where enough people answered, the service path, and the targets. It
 * replaces the blank slides of the thesis's workshops; exports render exactly this. {@code byTeam}:
 * some answers are attributed to teams rather than units (the deck's {@code attribute-to-teams}).
 */
public record Summary(String title, String deckTitle, String organisation, Language language, Instant started,
                      @Nullable Instant closed, boolean anonymous, int participants, List<Section> sections,
                      List<TargetLine> targets, List<ReviewLine> reviews, boolean byTeam) {

    public Summary {
        sections = List.copyOf(sections);
        targets = List.copyOf(targets);
        reviews = List.copyOf(reviews);
    }

    /** One activity of a card. {@code note} says e.g. that a rating is withheld. */
    public record Section(String card, String heading, String kind, List<Row> rows, @Nullable String note) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One line of a section: an answer (with its lane, group, votes, and in named sessions its
     * writer), a rating figure, or a touchpoint. {@code unit} is the name the answer or
     * touchpoint is attributed to: its writer's unit, or team where the deck attributed answers
     * to teams ({@link Summary#byTeam()}); never a person's. {@code answer} is the answer's id, for
     * a line that is one (a team may escalate it to the idea pipeline); exports leave it out.
     */
    public record Row(String text, @Nullable String lane, @Nullable String group, @Nullable Integer votes,
                      @Nullable String author, @Nullable String unit, @Nullable UUID answer) {
    }

    public record TargetLine(String title, String owner, String due, @Nullable String dimension) {
    }

    public record ReviewLine(String title, String outcome, @Nullable String note) {
    }
}
