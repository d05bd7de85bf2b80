package fi.arki.deck.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code arki.decks.*}: the Ed25519 public keys whose signatures make a deck package official,
 * by key id ({@code arki.decks.trusted-keys.arki-2026=MCowBQYDK2VwAyEA…}, the Base64 body of a PEM
 * public key). No keys configured: packages can still be installed, none of them as official.
 */
@ConfigurationProperties("arki.decks")
public record DeckProperties(Map<String, String> trustedKeys) {

    public DeckProperties {
        trustedKeys = trustedKeys == null ? Map.of() : Map.copyOf(trustedKeys);
    }
}
