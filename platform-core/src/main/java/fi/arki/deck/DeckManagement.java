package fi.arki.deck;

import fi.arki.deck.internal.DeckContents;
import fi.arki.deck.internal.PackageImport;
import fi.arki.deck.internal.PlatformDecks;
import fi.arki.deck.internal.SemanticVersion;
import fi.arki.deck.internal.SettingValues;
import fi.arki.deck.internal.StoredDeck;
import fi.arki.deck.internal.StoredDeckCatalog;
import fi.arki.deck.internal.TenantDecks;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Language;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.shared.AccessRoles;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import fi.arki.tenancy.TenantManagement;
import fi.arki.tenancy.TenantSettingsManagement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What administrators do with decks: see the catalogue (every version, its origin, state and
 * problems), install content packages (platform-wide or for their own tenant only), offer decks to
 * their tenant's facilitators, and set each deck's settings. Tenant operations act on the tenant
 * bound to the call and need the tenant administrator role; platform-wide installs need the
 * platform administrator.
 */
@Service
public class DeckManagement {

    /** The largest package an administrator may upload. */
    public static final int MAX_PACKAGE_BYTES = fi.arki.deck.internal.PackageReader.MAX_PACKAGE_BYTES;

    static final String TENANT_ADMIN = "ROLE_TENANT_ADMIN";
    static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

    private final PlatformDecks platform;
    private final TenantDecks tenant;
    private final DeckContents contents;
    private final StoredDeckCatalog catalog;
    private final PackageImport packages;
    private final TenantSettingsManagement tenantSettings;
    private final TenantManagement tenants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate readOnly;

    DeckManagement(PlatformDecks platform, TenantDecks tenant, DeckContents contents, StoredDeckCatalog catalog,
                   PackageImport packages, TenantSettingsManagement tenantSettings, TenantManagement tenants,
                   ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.platform = platform;
        this.tenant = tenant;
        this.contents = contents;
        this.catalog = catalog;
        this.packages = packages;
        this.tenantSettings = tenantSettings;
        this.tenants = tenants;
        this.events = events;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The catalogue: every deck version the platform has and, with a tenant bound, the tenant's own
     * ones and whether it offers each deck; built-in decks that failed to load are listed too.
     * Ordered by deck id, newest version first.
     */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    @Transactional(readOnly = true)
    public List<DeckCatalogueEntry> catalogue() {
        boolean withTenant = TenantContext.current().isPresent();
        Set<String> enabled = withTenant ? tenant.enabledDeckIds() : Set.of();
        List<StoredDeck> stored = new ArrayList<>(platform.all());
        if (withTenant) {
            stored.addAll(tenant.all());
        }
        Map<String, String> newest = new LinkedHashMap<>();
        for (StoredDeck s : stored) {
            catalog.newestActive(s.deckId()).ifPresent(d -> newest.put(d.id(), d.version()));
        }
        List<DeckCatalogueEntry> entries = new ArrayList<>();
        for (StoredDeck s : stored) {
            InstalledDeck deck = contents.installed(s);
            List<DeckProblem> problems = contents.problems(deck);
            entries.add(new DeckCatalogueEntry(s.deckId(), s.version(), s.origin(), deck.official(),
                    problems.isEmpty() ? DeckState.ACTIVE : DeckState.FAILED, problems, enabled.contains(s.deckId()),
                    s.version().equals(newest.get(s.deckId())), s.owner(), deck));
        }
        for (PlatformDecks.Failure f : platform.failures()) {
            entries.add(new DeckCatalogueEntry(f.deckId(), f.version(), DeckOrigin.CODE, true, DeckState.FAILED,
                    DeckContents.problemsOf(f.problemsJson()), enabled.contains(f.deckId()), false, null, null));
        }
        entries.sort(Comparator.comparing(DeckCatalogueEntry::deckId)
                .thenComparing(e -> e.version() == null ? null : SemanticVersion.parse(e.version()).orElse(null),
                        Comparator.nullsFirst(Comparator.<SemanticVersion>reverseOrder())));
        return entries;
    }

    /**
     * Installs an uploaded content package, platform-wide ({@link DeckOrigin#PLATFORM_PACKAGE}) or
     * for the current tenant only ({@link DeckOrigin#TENANT_PACKAGE}). Every check runs before
     * anything is stored, and the version is stored in one transaction.
     *
     * @throws InvalidDeckException with every problem found; nothing is stored then
     */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    @Transactional
    public DeckCatalogueEntry install(byte[] zip, DeckOrigin scope, @Nullable AccountId by) {
        PackageImport.Checked checked = switch (scope) {
            case PLATFORM_PACKAGE -> {
                require(PLATFORM_ADMIN);
                yield packages.check(zip);
            }
            case TENANT_PACKAGE -> {
                requireAny(TENANT_ADMIN, PLATFORM_ADMIN);
                TenantContext.require();
                yield packages.check(zip);
            }
            case CODE -> throw new IllegalArgumentException("Code decks are installed by the registry at start-up");
        };
        DeckManifest m = checked.deck().manifest();
        Optional<TenantId> owner = Optional.empty();
        if (scope == DeckOrigin.PLATFORM_PACKAGE) {
            if (platform.find(m.id(), m.version()).isPresent()) {
                throw new InvalidDeckException(List.of(DeckProblem.of("deck.problem.version-exists", m.id(), m.version())));
            }
            if (anyTenantHasDeck(m.id())) {
                throw new InvalidDeckException(List.of(DeckProblem.of("deck.problem.id-taken", m.id())));
            }
            insert(() -> platform.insert(checked.deck(), DeckOrigin.PLATFORM_PACKAGE, checked.signingKey(), by), m);
        } else {
            TenantId current = TenantContext.require();
            if (platform.hasDeck(m.id())) {
                throw new InvalidDeckException(List.of(DeckProblem.of("deck.problem.id-taken", m.id())));
            }
            if (tenant.find(m.id(), m.version()).isPresent()) {
                throw new InvalidDeckException(List.of(DeckProblem.of("deck.problem.version-exists", m.id(), m.version())));
            }
            insert(() -> tenant.insert(current, checked.deck(), checked.signingKey(), by), m);
            owner = Optional.of(current);
        }
        events.publishEvent(new DeckVersionInstalled(owner.orElse(null), m.id(), m.version(), scope, checked.signingKey() != null));
        InstalledDeck deck = new InstalledDeck(m, checked.deck().texts(), scope, checked.signingKey() != null);
        List<DeckProblem> problems = contents.problems(deck);
        return new DeckCatalogueEntry(m.id(), m.version(), scope, deck.official(),
                problems.isEmpty() ? DeckState.ACTIVE : DeckState.FAILED, problems,
                TenantContext.current().isPresent() && tenant.enabledDeckIds().contains(m.id()), false, owner.orElse(null), deck);
    }

    private void insert(Runnable insert, DeckManifest m) {
        try {
            insert.run();
        } catch (DuplicateKeyException e) {
            throw new InvalidDeckException(List.of(DeckProblem.of("deck.problem.version-exists", m.id(), m.version())));
        }
    }

    /** Whether any tenant has its own deck with this id; each tenant is asked under its own binding. */
    private boolean anyTenantHasDeck(String deckId) {
        for (Tenant t : tenants.all()) {
            Boolean has = TenantContext.callAs(t.id(), () -> readOnly.execute(status -> tenant.hasDeck(deckId)));
            if (Boolean.TRUE.equals(has)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Offers a deck to the current tenant's facilitators (its newest version that runs on this
     * platform). A bilingual tenant can only offer decks written in both Finnish and Swedish.
     */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional
    public void enable(String deckId, @Nullable AccountId by) {
        TenantId current = TenantContext.require();
        InstalledDeck deck = catalog.newestActive(deckId).orElseThrow(() -> new InvalidInputException("deck.error.not-available", deckId));
        if (tenantSettings.current().bilingual()) {
            Set<Language> missing = EnumSet.of(Language.FI, Language.SV);
            missing.removeAll(deck.manifest().locales());
            if (!missing.isEmpty()) {
                throw new InvalidInputException("deck.error.bilingual-needs-fi-sv", deck.texts().text(Language.fallback(), "deck.title"),
                        String.join(", ", missing.stream().map(Language::tag).toList()));
            }
        }
        if (tenant.enable(current, deckId, by)) {
            events.publishEvent(new DeckEnabledForTenant(current, deckId));
        }
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional
    public void disable(String deckId) {
        TenantId current = TenantContext.require();
        if (tenant.disable(deckId)) {
            events.publishEvent(new DeckDisabledForTenant(current, deckId));
        }
    }

    /** The current tenant's settings of a deck, for its newest version that runs here. */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public DeckSettings settings(String deckId) {
        TenantContext.require();
        InstalledDeck deck = catalog.newestActive(deckId).orElseThrow(() -> new InvalidInputException("deck.error.not-available", deckId));
        return catalog.settings(deck);
    }

    /**
     * Saves the current tenant's values for a deck's settings; every value is checked against its
     * typed setting, and nothing is saved if any is wrong. A value equal to the default is not
     * stored, so the tenant follows the deck's default if a later version changes it.
     *
     * @throws InvalidDeckException listing every wrong value
     */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    @Transactional
    public DeckSettings saveSettings(String deckId, Map<String, String> values) {
        TenantId current = TenantContext.require();
        InstalledDeck deck = catalog.newestActive(deckId).orElseThrow(() -> new InvalidInputException("deck.error.not-available", deckId));
        List<DeckProblem> problems = new ArrayList<>();
        Map<String, String> changed = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            Optional<Setting> setting = deck.manifest().settings().stream().filter(s -> s.key().equals(key)).findFirst();
            if (setting.isEmpty()) {
                problems.add(DeckProblem.of("deck.problem.setting-unknown", key));
                return;
            }
            String clean = value == null ? "" : value.strip();
            SettingValues.check(setting.get(), clean).ifPresentOrElse(problems::add, () -> {
                if (!clean.equals(setting.get().defaultValue())) {
                    changed.put(key, clean);
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new InvalidDeckException(problems);
        }
        Map<String, String> kept = new LinkedHashMap<>(tenant.settings(deckId));
        kept.keySet().removeIf(values::containsKey);
        kept.putAll(changed);
        tenant.replaceSettings(current, deckId, kept);
        DeckSettings saved = catalog.settings(deck);
        events.publishEvent(new DeckSettingsChanged(current, deckId, saved.values()));
        return saved;
    }

    private static void require(String role) {
        requireAny(role);
    }

    /**
     * The finer rule of {@link #install}: which scope a user may install into. Like the access
     * rules, a call with no authentication at all is Arki's own and passes.
     */
    private static void requireAny(String... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(a -> List.of(roles).contains(a))) {
            throw new AccessDeniedException("Needs one of " + List.of(roles));
        }
    }
}
