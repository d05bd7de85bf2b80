package fi.arki.followup;

import java.util.Arrays;

/** Where a development target stands. */
public enum TargetStatus {
    OPEN("open"), DONE("done"), DROPPED("dropped");

    private final String code;

    TargetStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TargetStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }
}
