package fi.arki.deck.internal;

import fi.arki.deck.DeckOrigin;
import fi.arki.shared.TenantId;
import org.jspecify.annotations.Nullable;

/** A deck version as stored: its content (manifest and texts as JSON) and where it came from. */
public record StoredDeck(String deckId, String version, DeckOrigin origin, @Nullable String signingKey,
                         String manifestJson, String textsJson, String contentHash, @Nullable TenantId owner) {

    public boolean signed() {
        return signingKey != null;
    }
}
