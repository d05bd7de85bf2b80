package fi.arki.deck.internal;

import java.util.Locale;
import java.util.Optional;

/** What a file really is, by its first bytes rather than its name. */
final class FileTypes {

    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";

    private FileTypes() {
    }

    static Optional<String> imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of(PNG);
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    static boolean extensionMatches(String name, String type) {
        String lower = name.toLowerCase(Locale.ROOT);
        return type.equals(PNG) ? lower.endsWith(".png") : lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }
}
