package fi.arki.deck;

import fi.arki.shared.TenantId;

/** A tenant administrator has offered a deck to the tenant's facilitators. */
public record DeckEnabledForTenant(TenantId tenantId, String deckId) {
}
