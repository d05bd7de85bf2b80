package fi.arki.tenancy.internal;

import static fi.arki.tenancy.internal.db.Tables.TENANT;
import static fi.arki.tenancy.internal.db.Tables.TENANT_ORGANIZATION;
import static fi.arki.tenancy.internal.db.Tables.TENANT_SETTINGS;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import fi.arki.tenancy.TenantOverview;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tenant catalogue and its Keycloak organizations (platform tables: no tenant needs to be bound). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Tenants {

    private final DSLContext db;

    Tenants(DSLContext db) {
        this.db = db;
    }

    public void insert(Tenant tenant) {
        db.insertInto(TENANT, TENANT.ID, TENANT.SLUG, TENANT.NAME)
                .values(tenant.id().value(), tenant.slug(), tenant.name())
                .execute();
    }

    public Optional<Tenant> find(TenantId id) {
        return select().where(TENANT.ID.eq(id.value())).fetchOptional(Tenants::toTenant);
    }

    public Optional<Tenant> findBySlug(String slug) {
        return select().where(TENANT.SLUG.eq(slug)).fetchOptional(Tenants::toTenant);
    }

    public boolean slugTaken(String slug) {
        return db.fetchExists(TENANT, TENANT.SLUG.eq(slug));
    }

    public List<Tenant> all() {
        return select().where(TENANT.MERGED_INTO.isNull()).orderBy(TENANT.NAME).fetch(Tenants::toTenant);
    }

    public boolean nameTaken(String name, TenantId except) {
        return db.fetchExists(TENANT, TENANT.NAME.equalIgnoreCase(name), TENANT.ID.ne(except.value()), TENANT.MERGED_INTO.isNull());
    }

    public void rename(TenantId id, String name) {
        db.update(TENANT).set(TENANT.NAME, name).where(TENANT.ID.eq(id.value())).execute();
    }

    public Optional<UUID> mergedInto(TenantId id) {
        return db.select(TENANT.MERGED_INTO).from(TENANT).where(TENANT.ID.eq(id.value())).fetchOptional(r -> r.value1());
    }

    /** Locks both catalogue rows for the merge, so two merges of the same tenants cannot interleave. */
    public void lockForMerge(TenantId a, TenantId b) {
        db.select(TENANT.ID).from(TENANT).where(TENANT.ID.in(a.value(), b.value())).orderBy(TENANT.ID).forUpdate().fetch();
    }

    public void markMerged(TenantId source, TenantId target) {
        db.update(TENANT)
                .set(TENANT.MERGED_INTO, target.value())
                .set(TENANT.MERGED_AT, OffsetDateTime.now())
                .where(TENANT.ID.eq(source.value()))
                .execute();
        // tenants merged into the source earlier now lead straight to the target
        db.update(TENANT).set(TENANT.MERGED_INTO, target.value()).where(TENANT.MERGED_INTO.eq(source.value())).execute();
    }

    public void deleteSettings() {
        db.deleteFrom(TENANT_SETTINGS).execute();
    }

    public List<TenantOverview> overview() {
        var organizations = db.select(TENANT_ORGANIZATION.LINKED_TENANT_ID, TENANT_ORGANIZATION.ORGANIZATION_ID)
                .from(TENANT_ORGANIZATION).orderBy(TENANT_ORGANIZATION.ORGANIZATION_ID)
                .fetchGroups(TENANT_ORGANIZATION.LINKED_TENANT_ID, TENANT_ORGANIZATION.ORGANIZATION_ID);
        return db.selectFrom(TENANT).orderBy(TENANT.MERGED_INTO.isNotNull(), TENANT.NAME).fetch(r -> new TenantOverview(
                new Tenant(new TenantId(r.getId()), r.getSlug(), r.getName()), r.getCreatedAt().toInstant(),
                r.getMergedInto() == null ? null : new TenantId(r.getMergedInto()),
                r.getMergedAt() == null ? null : r.getMergedAt().toInstant(),
                organizations.getOrDefault(r.getId(), List.of())));
    }

    public Optional<TenantId> tenantOfOrganization(String organizationId) {
        return db.select(TENANT_ORGANIZATION.LINKED_TENANT_ID).from(TENANT_ORGANIZATION)
                .where(TENANT_ORGANIZATION.ORGANIZATION_ID.eq(organizationId))
                .fetchOptional(r -> new TenantId(r.value1()));
    }

    public void link(String organizationId, TenantId tenant) {
        db.insertInto(TENANT_ORGANIZATION, TENANT_ORGANIZATION.ORGANIZATION_ID, TENANT_ORGANIZATION.LINKED_TENANT_ID)
                .values(organizationId, tenant.value())
                .execute();
    }

    public int unlink(String organizationId) {
        return db.deleteFrom(TENANT_ORGANIZATION).where(TENANT_ORGANIZATION.ORGANIZATION_ID.eq(organizationId)).execute();
    }

    public int moveOrganizations(TenantId source, TenantId target) {
        return db.update(TENANT_ORGANIZATION).set(TENANT_ORGANIZATION.LINKED_TENANT_ID, target.value())
                .where(TENANT_ORGANIZATION.LINKED_TENANT_ID.eq(source.value())).execute();
    }

    private SelectJoinStep<Record3<UUID, String, String>> select() {
        return db.select(TENANT.ID, TENANT.SLUG, TENANT.NAME).from(TENANT);
    }

    private static Tenant toTenant(Record3<UUID, String, String> r) {
        return new Tenant(new TenantId(r.value1()), r.value2(), r.value3());
    }

    /** Locks the tenant's catalogue row, so that a merge or another deletion cannot run beside a deletion. */
    public void lock(TenantId id) {
        db.select(TENANT.ID).from(TENANT).where(TENANT.ID.eq(id.value())).forUpdate().fetch();
    }

    public int deleteOrganizations(TenantId tenant) {
        return db.deleteFrom(TENANT_ORGANIZATION).where(TENANT_ORGANIZATION.LINKED_TENANT_ID.eq(tenant.value())).execute();
    }

    /** Removes the catalogue entries of tenants merged into this one earlier (they hold no rows), then its own. */
    public int deleteFromCatalogue(TenantId tenant) {
        int merged = db.deleteFrom(TENANT).where(TENANT.MERGED_INTO.eq(tenant.value())).execute();
        return merged + db.deleteFrom(TENANT).where(TENANT.ID.eq(tenant.value())).execute();
    }
}
