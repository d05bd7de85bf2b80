package fi.arki.directory.internal;

import static fi.arki.directory.internal.db.Tables.PERSON;
import static fi.arki.directory.internal.db.Tables.PERSON_ROLE;
import static fi.arki.directory.internal.db.Tables.TEAM;
import static fi.arki.directory.internal.db.Tables.TEAM_MEMBER;
import static fi.arki.directory.internal.db.Tables.UNIT;

import fi.arki.directory.internal.db.tables.records.PersonRecord;
import fi.arki.directory.internal.db.tables.records.PersonRoleRecord;
import fi.arki.directory.internal.db.tables.records.TeamMemberRecord;
import fi.arki.directory.internal.db.tables.records.TeamRecord;
import fi.arki.directory.internal.db.tables.records.UnitRecord;
import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantMergeParticipant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a merged tenant's units, teams, people, roles and team memberships into the tenant it
 * merges into, keeping ids and creation times. A unit whose name the target already uses gets the
 * source tenant's name after it; an account that is a person in both tenants stays one person
 * (the target's), with the roles and teams of both ({@code person} ids are remapped for later
 * participants).
 */
@Component
class DirectoryMerge implements TenantMergeParticipant {

    static final String PERSON_KIND = "person";

    private final DSLContext db;

    DirectoryMerge(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "directory";
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void copy(TenantMerge merge) {
        UUID target = merge.target().id().value();
        Result<UnitRecord> units = merge.asSource(() -> db.selectFrom(UNIT).fetch());
        Result<TeamRecord> teams = merge.asSource(() -> db.selectFrom(TEAM).fetch());
        Result<PersonRecord> people = merge.asSource(() -> db.selectFrom(PERSON).fetch());
        Result<PersonRoleRecord> roles = merge.asSource(() -> db.selectFrom(PERSON_ROLE).fetch());
        Result<TeamMemberRecord> members = merge.asSource(() -> db.selectFrom(TEAM_MEMBER).fetch());

        merge.asTarget(() -> {
            Set<String> unitNames = new HashSet<>(db.select(UNIT.NAME).from(UNIT).fetch(r -> r.value1().toLowerCase()));
            for (UnitRecord unit : units) {
                String name = unit.getName();
                for (int n = 1; unitNames.contains(name.toLowerCase()); n++) {
                    name = unit.getName() + " (" + merge.source().name() + (n > 1 ? " " + n : "") + ")";
                }
                unitNames.add(name.toLowerCase());
                db.insertInto(UNIT).set(inTenant(unit, UNIT.TENANT_ID, target).setName(name)).execute();
            }
            teams.forEach(team -> db.insertInto(TEAM).set(inTenant(team, TEAM.TENANT_ID, target)).execute());
            Map<UUID, UUID> personOfAccount = db.select(PERSON.ACCOUNT_ID, PERSON.ID).from(PERSON)
                    .where(PERSON.ACCOUNT_ID.isNotNull()).fetchMap(PERSON.ACCOUNT_ID, PERSON.ID);
            for (PersonRecord person : people) {
                UUID same = person.getAccountId() == null ? null : personOfAccount.get(person.getAccountId());
                if (same != null) {
                    merge.remap(PERSON_KIND, person.getId(), same);
                } else {
                    db.insertInto(PERSON).set(inTenant(person, PERSON.TENANT_ID, target)).execute();
                }
                if (person.getAccountId() != null) {
                    // a membership of the bound target, for an account one of its people stands for (V85)
                    db.resultQuery("select arki_add_membership({0})", org.jooq.impl.DSL.val(person.getAccountId())).fetch();
                }
            }
            for (PersonRoleRecord role : roles) {
                db.insertInto(PERSON_ROLE, PERSON_ROLE.TENANT_ID, PERSON_ROLE.PERSON_ID, PERSON_ROLE.ROLE)
                        .values(target, merge.resolve(PERSON_KIND, role.getPersonId()), role.getRole())
                        .onConflictDoNothing().execute();
            }
            for (TeamMemberRecord member : members) {
                db.insertInto(TEAM_MEMBER, TEAM_MEMBER.TENANT_ID, TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.PERSON_ID, TEAM_MEMBER.SUPERVISOR)
                        .values(target, member.getTeamId(), merge.resolve(PERSON_KIND, member.getPersonId()), member.getSupervisor())
                        .onConflict(TEAM_MEMBER.TENANT_ID, TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.PERSON_ID)
                        .doUpdate().set(TEAM_MEMBER.SUPERVISOR, org.jooq.impl.DSL.field(TEAM_MEMBER.SUPERVISOR.isTrue().or(org.jooq.impl.DSL.val(member.getSupervisor()).isTrue())))
                        .execute();
            }
        });
        merge.moved("unit", units.size());
        merge.moved("team", teams.size());
        merge.moved("person", people.size());
        merge.moved("person_role", roles.size());
        merge.moved("team_member", members.size());
    }

    /** The fetched record, now in the target tenant and marked to be inserted whole (ids and times kept). */
    private static <R extends org.jooq.TableRecord<R>> R inTenant(R record, org.jooq.Field<UUID> tenant, UUID target) {
        record.set(tenant, target);
        record.changed(true);
        return record;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteSource(TenantMerge merge) {
        merge.asSource(() -> {
            db.deleteFrom(TEAM_MEMBER).execute();
            db.deleteFrom(PERSON_ROLE).execute();
            db.deleteFrom(PERSON).execute();
            db.deleteFrom(TEAM).execute();
            db.deleteFrom(UNIT).execute();
            // the source, bound and now without people, loses every membership (arki_remove_all_memberships, V85)
            db.resultQuery("select * from arki_remove_all_memberships()").fetch();
        });
    }
}
