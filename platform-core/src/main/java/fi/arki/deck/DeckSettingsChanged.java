package fi.arki.deck;

import fi.arki.shared.TenantId;
import java.util.Map;

/** A tenant administrator has changed a deck's settings; {@code values} are the settings as they are now. */
public record DeckSettingsChanged(TenantId tenantId, String deckId, Map<String, String> values) {

    public DeckSettingsChanged {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
