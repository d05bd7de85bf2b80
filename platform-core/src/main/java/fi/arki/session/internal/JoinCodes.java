package fi.arki.session.internal;

import java.security.SecureRandom;
import java.time.Duration;

/** Join codes: short, random, and made of letters and digits that cannot be mistaken for each other. */
public final class JoinCodes {

    /** Letters and digits that cannot be mistaken for each other when read aloud or off a screen. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 6;
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
