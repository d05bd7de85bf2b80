package fi.arki.deck;

import fi.arki.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A deck version has been stored: a code deck seen for the first time at start-up or an uploaded
 * package. {@code tenantId} is the owning tenant of a tenant package and null for a platform deck.
 */
public record DeckVersionInstalled(@Nullable TenantId tenantId, String deckId, String version, DeckOrigin origin,
                                   boolean official) {
}
