package fi.arki.tenancy.internal;

import static fi.arki.tenancy.internal.db.Tables.TENANT;

import fi.arki.shared.TenantId;
import fi.arki.tenancy.Tenant;
import java.util.List;
import java.util.UUID;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tenant catalogue (a platform table: no tenant needs to be bound to read it). */
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
        return select().orderBy(TENANT.NAME).fetch(Tenants::toTenant);
    }

    private SelectJoinStep<Record3<UUID, String, String>> select() {
        return db.select(TENANT.ID, TENANT.SLUG, TENANT.NAME).from(TENANT);
    }

    private static Tenant toTenant(Record3<UUID, String, String> r) {
        return new Tenant(new TenantId(r.value1()), r.value2(), r.value3());
    }
}
