package fi.arki.deck;

import fi.arki.shared.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of the administrators' deck catalogue: a deck version the platform (or the current
 * tenant) has, or a built-in deck that could not be read. {@code deck} is null only for a failed
 * code deck whose content could not be read; {@code version} is null when not even its version could.
 *
 * @param enabled whether the current tenant has enabled the deck (false when no tenant is bound)
 * @param newest  whether this is the newest active version of its deck, the one the tenant's facilitators are offered
 */
public record DeckCatalogueEntry(String deckId, @Nullable String version, DeckOrigin origin, boolean official,
                                 DeckState state, List<DeckProblem> problems, boolean enabled, boolean newest,
                                 @Nullable TenantId ownerTenant, @Nullable InstalledDeck deck) {

    public DeckCatalogueEntry {
        problems = List.copyOf(problems);
    }
}
