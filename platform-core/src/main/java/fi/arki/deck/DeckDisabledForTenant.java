package fi.arki.deck;

import fi.arki.shared.TenantId;

/** A tenant no longer offers a deck; sessions already run with it keep their pinned version. */
public record DeckDisabledForTenant(TenantId tenantId, String deckId) {
}
