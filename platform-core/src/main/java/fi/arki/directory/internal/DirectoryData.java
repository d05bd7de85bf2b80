package fi.arki.directory.internal;

import static fi.arki.directory.internal.db.Tables.PERSON;
import static fi.arki.directory.internal.db.Tables.PERSON_ROLE;
import static fi.arki.directory.internal.db.Tables.TEAM;
import static fi.arki.directory.internal.db.Tables.TEAM_MEMBER;
import static fi.arki.directory.internal.db.Tables.UNIT;

import fi.arki.shared.AccountId;
import fi.arki.tenancy.TenantDataParticipant;
import fi.arki.tenancy.TenantDeletion;
import fi.arki.tenancy.TenantExport;
import fi.arki.tenancy.TenantRestore;
import fi.arki.tenancy.internal.transfer.TableTransfer;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units, teams, people, roles and team memberships in a tenant's export, restore and deletion. A
 * person's account is a platform account: the export lists it, a restore links the person to the
 * account found or made again (and lets the account act in the tenant), a deletion unlinks the
 * tenant's accounts and hands them on, to be deleted where they belong to no other tenant.
 */
@Component
class DirectoryData implements TenantDataParticipant {

    private final DSLContext db;

    DirectoryData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "directory";
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void export(TenantExport export) {
        for (TableTransfer<?> table : tables()) {
            table.export(export);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void restore(TenantRestore restore) {
        for (TableTransfer<?> table : tables()) {
            table.restore(restore);
        }
        // memberships of the bound (restored) tenant, for its people's accounts only (arki_add_membership, V85)
        List<UUID> accounts = db.select(PERSON.ACCOUNT_ID).from(PERSON).where(PERSON.ACCOUNT_ID.isNotNull()).fetch(PERSON.ACCOUNT_ID);
        for (UUID account : accounts) {
            db.resultQuery("select arki_add_membership({0})", DSL.val(account)).fetch();
        }
    }

    /** The module's tables, parents first: exported and restored in this order (one list, so the two cannot drift). */
    private List<TableTransfer<?>> tables() {
        return List.of(
                TableTransfer.of(db, UNIT),
                TableTransfer.of(db, TEAM),
                TableTransfer.of(db, PERSON).accounts(PERSON.ACCOUNT_ID),
                TableTransfer.of(db, PERSON_ROLE),
                TableTransfer.of(db, TEAM_MEMBER));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(TenantDeletion deletion) {
        deletion.deleted("team_member", db.deleteFrom(TEAM_MEMBER).execute());
        deletion.deleted("person_role", db.deleteFrom(PERSON_ROLE).execute());
        deletion.deleted("person", db.deleteFrom(PERSON).execute());
        deletion.deleted("team", db.deleteFrom(TEAM).execute());
        deletion.deleted("unit", db.deleteFrom(UNIT).execute());
        // every membership of the bound tenant, now that it has no people (arki_remove_all_memberships, V85)
        List<AccountId> members = db.resultQuery("select * from arki_remove_all_memberships()")
                .fetch(r -> new AccountId(r.get(0, UUID.class)));
        deletion.deleted("account_tenant", members.size());
        deletion.released(members);
    }
}
