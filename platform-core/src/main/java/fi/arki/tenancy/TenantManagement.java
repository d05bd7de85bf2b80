package fi.arki.tenancy;

import fi.arki.shared.AccessRoles;
import fi.arki.shared.Callers;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.internal.TenantRows;
import fi.arki.tenancy.internal.Tenants;
import fi.arki.tenancy.internal.TransactionRebinding;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant catalogue: adds, renames and finds tenants, links them to Keycloak organizations (by
 * organization id), and carries out the catalogue's part of a merge.
 */
@Service
public class TenantManagement {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** Merged tenants form chains only through mistakes; following more links than this is one. */
    private static final int MAX_MERGE_HOPS = 20;

    private final Tenants tenants;
    private final TenantRows rows;
    private final TransactionRebinding rebinding;
    private final ApplicationEventPublisher events;

    TenantManagement(Tenants tenants, TenantRows rows, TransactionRebinding rebinding, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.rows = rows;
        this.rebinding = rebinding;
        this.events = events;
    }

    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional
    public Tenant create(TenantId id, String slug, String name) {
        String cleanName = Names.require(name);
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("error.tenant.slug-format");
        }
        if (tenants.slugTaken(slug)) {
            throw new InvalidInputException("error.tenant.slug-taken", slug);
        }
        Tenant tenant = new Tenant(id, slug, cleanName);
        tenants.insert(tenant);
        events.publishEvent(new TenantCreated(id, slug, cleanName));
        return tenant;
    }

    /** Gives a tenant a new name; its id, short name and data stay. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional
    public Tenant rename(TenantId id, String name) {
        String cleanName = Names.require(name);
        Tenant tenant = tenants.find(id).orElseThrow(() -> new InvalidInputException("error.tenant.not-found"));
        if (tenants.mergedInto(id).isPresent()) {
            throw new InvalidInputException("error.tenant.merged");
        }
        if (tenants.nameTaken(cleanName, id)) {
            throw new InvalidInputException("error.tenant.name-taken", cleanName);
        }
        tenants.rename(id, cleanName);
        events.publishEvent(new TenantRenamed(id, tenant.name(), cleanName));
        return new Tenant(id, tenant.slug(), cleanName);
    }

    /**
     * A tenant of the catalogue (a platform table, which row level security does not guard): the
     * tenant bound to the call, or any for Arki itself and platform administrators. Another
     * tenant's users find nothing (T-03).
     */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Tenant> find(TenantId id) {
        return tenants.find(id).filter(TenantManagement::visibleToCaller);
    }

    /** As {@link #find}, by the tenant's slug. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug).filter(TenantManagement::visibleToCaller);
    }

    private static boolean visibleToCaller(Tenant tenant) {
        return Callers.system() || Callers.platformAdmin() || TenantContext.current().filter(tenant.id()::equals).isPresent();
    }

    /** Every tenant that has not been merged into another, in name order. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return tenants.all();
    }

    /** Every tenant, merged ones last, with its organizations. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(readOnly = true)
    public List<TenantOverview> overview() {
        return tenants.overview();
    }

    /** Signs the members of a Keycloak organization in to the tenant. An organization leads to one tenant. */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional
    public void linkOrganization(TenantId tenant, String organizationId) {
        String id = organizationId == null ? "" : organizationId.strip();
        if (!ORGANIZATION_ID.matcher(id).matches()) {
            throw new InvalidInputException("error.tenant.organization-id-format");
        }
        if (tenants.find(tenant).isEmpty() || tenants.mergedInto(tenant).isPresent()) {
            throw new InvalidInputException("error.tenant.not-found");
        }
        Optional<TenantId> linked = tenants.tenantOfOrganization(id);
        if (linked.isPresent()) {
            throw new InvalidInputException("error.tenant.organization-linked", id,
                    tenants.find(linked.get()).map(Tenant::name).orElse("?"));
        }
        tenants.link(id, tenant);
    }

    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional
    public void unlinkOrganization(String organizationId) {
        tenants.unlink(organizationId);
    }

    /**
     * The tenant a Keycloak organization signs in to, following merges to the tenant that remains.
     * Read at sign-in, before any tenant is bound and before anyone is signed in: no user calls it.
     */
    @DenyAll
    @Transactional(readOnly = true)
    public Optional<Tenant> tenantOfOrganization(String organizationId) {
        Optional<TenantId> id = tenants.tenantOfOrganization(organizationId);
        for (int hop = 0; id.isPresent() && hop < MAX_MERGE_HOPS; hop++) {
            Optional<UUID> next = tenants.mergedInto(id.get());
            if (next.isEmpty()) {
                return tenants.find(id.get());
            }
            id = Optional.of(new TenantId(next.get()));
        }
        return Optional.empty();
    }

    /**
     * Starts merging {@code source} into {@code target} in the caller's transaction: checks both,
     * locks them and hands back the merge for the participants (which bind source and target
     * themselves, whatever the transaction began with).
     */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(propagation = Propagation.MANDATORY)
    public TenantMerge beginMerge(TenantId source, TenantId target) {
        if (source.equals(target)) {
            throw new InvalidInputException("error.tenant.merge-same");
        }
        tenants.lockForMerge(source, target);
        Tenant from = tenants.find(source).orElseThrow(() -> new InvalidInputException("error.tenant.not-found"));
        Tenant into = tenants.find(target).orElseThrow(() -> new InvalidInputException("error.tenant.not-found"));
        if (tenants.mergedInto(source).isPresent() || tenants.mergedInto(target).isPresent()) {
            throw new InvalidInputException("error.tenant.merged");
        }
        return new TenantMerge(from, into, rebinding::rebind);
    }

    /**
     * Ends a merge after every participant has moved its rows: drops the source's settings (the
     * target keeps its own), checks that no tenant-owned table holds a row of the source, moves the
     * source's organizations to the target and marks the source merged.
     *
     * @throws IllegalStateException naming the tables that still hold source rows (the caller's
     *         transaction then rolls back, so nothing is half-merged)
     */
    @RolesAllowed(AccessRoles.PLATFORM_ADMIN)
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeMerge(TenantMerge merge) {
        Map<String, Long> left = merge.asSource(() -> {
            tenants.deleteSettings();
            return rows.nonEmptyTables();
        });
        if (!left.isEmpty()) {
            throw new IllegalStateException("Merging " + merge.source().name() + " left rows behind in " + left
                    + ": the module owning each of these tables must move them in its TenantMergeParticipant");
        }
        merge.moved("tenant_organization", tenants.moveOrganizations(merge.source().id(), merge.target().id()));
        tenants.markMerged(merge.source().id(), merge.target().id());
        events.publishEvent(new TenantMerged(merge.target().id(), merge.source().id()));
    }
}
