package fi.arki.deck.internal;

import fi.arki.deck.DeckCatalog;
import fi.arki.deck.DeckImage;
import fi.arki.deck.DeckSettings;
import fi.arki.deck.DeckState;
import fi.arki.deck.InstalledDeck;
import fi.arki.deck.Setting;
import fi.arki.shared.Language;
import fi.arki.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The decks a tenant sees: platform decks and its own, from the database; stored versions never change. */
@Service
@Transactional(readOnly = true)
public class StoredDeckCatalog implements DeckCatalog {

    private final PlatformDecks platform;
    private final TenantDecks tenant;
    private final DeckContents contents;

    StoredDeckCatalog(PlatformDecks platform, TenantDecks tenant, DeckContents contents) {
        this.platform = platform;
        this.tenant = tenant;
        this.contents = contents;
    }

    @Override
    public List<InstalledDeck> enabledForCurrentTenant() {
        TenantContext.require();
        List<InstalledDeck> offered = new ArrayList<>();
        for (String deckId : tenant.enabledDeckIds()) {
            newestActive(deckId).ifPresent(offered::add);
        }
        offered.sort(Comparator.comparing((InstalledDeck d) -> d.texts().text(Language.fallback(), "deck.title"))
                .thenComparing(InstalledDeck::id));
        return offered;
    }

    @Override
    public Optional<InstalledDeck> find(String deckId, String version) {
        return platform.find(deckId, version).or(() -> TenantContext.current().flatMap(t -> tenant.find(deckId, version)))
                .map(contents::installed);
    }

    @Override
    public DeckSettings settings(InstalledDeck deck) {
        Map<String, String> stored = TenantContext.current().isPresent() ? tenant.settings(deck.id()) : Map.of();
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting s : deck.manifest().settings()) {
            String value = stored.get(s.key());
            values.put(s.key(), value != null && SettingValues.check(s, value).isEmpty() ? value : s.defaultValue());
        }
        return new DeckSettings(deck.id(), deck.manifest().settings(), values);
    }

    @Override
    public Optional<DeckImage> image(String deckId, String version, String name) {
        return platform.image(deckId, version, name)
                .or(() -> TenantContext.current().flatMap(t -> tenant.image(deckId, version, name)));
    }

    /** Every stored version visible to the current tenant (or, with no tenant bound, the platform's). */
    public List<InstalledDeck> allVisible() {
        return Stream.concat(platform.all().stream(),
                        TenantContext.current().isPresent() ? tenant.all().stream() : Stream.empty())
                .map(contents::installed).toList();
    }

    /** The version a tenant's facilitators are offered: the highest version that runs on this platform. */
    public Optional<InstalledDeck> newestActive(String deckId) {
        return allVisible().stream()
                .filter(d -> d.id().equals(deckId))
                .filter(d -> contents.state(d) == DeckState.ACTIVE)
                .max(Comparator.comparing(d -> SemanticVersion.parse(d.version()).orElseThrow()));
    }
}
