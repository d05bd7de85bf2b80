package fi.arki.deck;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed vocabulary of what a card can ask a team to do. The UI renders each kind for the
 * facilitator, the participants and the shared screen; a new kind is a platform change.
 */
public enum ActivityKind {
    /** Theory in plain language with its source; optional video link. */
    INTRO("intro"),
    /** A question answered privately in writing; the facilitator reveals the answers. */
    PROMPT("prompt"),
    /** Start / continue / stop: answers in three columns. */
    START_CONTINUE_STOP("start-continue-stop"),
    /** Group similar answers of an earlier prompt (keyboard-operable, never drag-only). */
    GROUP("group"),
    /** Dot vote with a budget over the answers or groups of an earlier activity. */
    VOTE("vote"),
    /** A rating on one of {@link RatingScale}; no result is shown from fewer respondents than the tenant's threshold. */
    RATE("rate"),
    /** Service path: stages × touchpoints × emotion, peak and end, effort; structured data, not a picture. */
    JOURNEY_MAP("journey-map"),
    /** Commit 1–2 development targets: title, owner, due date, dimension. */
    COMMIT_TARGETS("commit-targets"),
    /** Review the team's earlier open targets (plan-do-check-act). */
    REVIEW_TARGETS("review-targets"),
    /** Closing pulse question. */
    PULSE("pulse");

    private final String code;

    ActivityKind(String code) {
        this.code = code;
    }

    /** The name used in deck.yaml. */
    public String code() {
        return code;
    }

    public static Optional<ActivityKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
