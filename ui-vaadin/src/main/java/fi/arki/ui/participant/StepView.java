package fi.arki.ui.participant;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every participant of one kind and language sees of a session's current step: no personal
 * data (own answers, own budget) in it, so one rendering serves everyone (see {@link StepFragments}).
 * {@code noNewTarget}: the team decided on no new development target (on the commit step, and on
 * the closed page when the session committed none).
 */
public record StepView(String session, long version, int step, String kind, boolean closed, String progress, String cardTitle,
                       String question, @Nullable String help, @Nullable Intro intro, boolean locked, boolean revealed,
                       List<AnswerColumn> answers, boolean answersShown, List<GroupRow> groups, @Nullable RatingResult rating,
                       List<StageColumn> journey, @Nullable List<TargetRow> targets, List<ReviewRow> reviews, boolean reviewStep,
                       boolean noNewTarget) {

    public record Intro(@Nullable String source, @Nullable String video, @Nullable String image, String alt) {
    }

    /** A lane's answers (one column without a heading when the step has no lanes). */
    public record AnswerColumn(@Nullable String heading, List<AnswerRow> rows) {
    }

    public record AnswerRow(String text, @Nullable String author) {
    }

    public record GroupRow(String label, List<String> answers) {
    }

    public record RatingResult(String respondents, @Nullable String withheld, @Nullable String average, @Nullable String net,
                               List<Bar> bars) {
    }

    public record Bar(String label, long count, int percent) {
    }

    public record StageColumn(String stage, List<TouchpointRow> touchpoints) {
    }

    public record TouchpointRow(String label, String details, List<String> badges) {
    }

    public record TargetRow(String title, String details) {
    }

    public record ReviewRow(String title, @Nullable String outcome) {
    }
}
