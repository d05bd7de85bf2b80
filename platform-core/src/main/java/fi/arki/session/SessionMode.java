package fi.arki.session;

import java.util.Arrays;

/**
 * Chosen when a session starts and fixed from then on. Anonymous: no person is stored with
 * anything a participant does, and nothing on screen tells who wrote what. Named: answers show
 * their writer's name.
 */
public enum SessionMode {
    ANONYMOUS("anonymous"), NAMED("named");

    private final String code;

    SessionMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SessionMode ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst().orElseThrow();
    }
}
