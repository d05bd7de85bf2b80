package fi.arki.ui.errors;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short codes that tie what a user was shown to the log line with the exception behind it. */
final class Incidents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Incidents() {
    }

    static String next() {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
    }
}
