package fi.arki.followup;

import java.util.Arrays;

/** What a team found when it reviewed a target (plan-do-check-act). */
public enum ReviewOutcome {
    DONE("done"), IN_PROGRESS("in-progress"), DROPPED("dropped");

    private final String code;

    ReviewOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ReviewOutcome ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }

    TargetStatus status() {
        return switch (this) {
            case DONE -> TargetStatus.DONE;
            case IN_PROGRESS -> TargetStatus.OPEN;
            case DROPPED -> TargetStatus.DROPPED;
        };
    }
}
