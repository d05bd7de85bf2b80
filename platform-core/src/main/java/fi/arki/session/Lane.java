package fi.arki.session;

import java.util.Arrays;
import java.util.Optional;

/** The three columns of a start-continue-stop activity. */
public enum Lane {
    START("start"), CONTINUE("continue"), STOP("stop");

    private final String code;

    Lane(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Lane> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
