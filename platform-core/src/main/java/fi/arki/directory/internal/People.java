package fi.arki.directory.internal;

import static fi.arki.directory.internal.db.Tables.ACCOUNT_TENANT;
import static fi.arki.directory.internal.db.Tables.PERSON;
import static fi.arki.directory.internal.db.Tables.PERSON_ROLE;
import static fi.arki.directory.internal.db.Tables.TEAM_MEMBER;

import fi.arki.directory.DirectoryManagement;
import fi.arki.directory.Person;
import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.directory.TeamId;
import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** People, their roles and team memberships, and the account → tenant index used at sign-in. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class People {

    /** What a removed person's name becomes (the database checks it). */
    public static final String REMOVED_NAME = "—";

    private final DSLContext db;

    People(DSLContext db) {
        this.db = db;
    }

    public void insert(TenantId tenant, Person person) {
        db.insertInto(PERSON, PERSON.TENANT_ID, PERSON.ID, PERSON.DISPLAY_NAME, PERSON.EMAIL, PERSON.ACCOUNT_ID)
                .values(tenant.value(), person.id().value(), person.displayName(), person.email(),
                        person.accountId().map(AccountId::value).orElse(null))
                .execute();
    }

    /**
     * The account becomes a member of the tenant, which must be the bound one: through
     * {@code arki_add_membership} (V85), which adds memberships of the bound tenant only, for an
     * account a person of it stands for.
     */
    public void linkAccount(AccountId account, TenantId tenant) {
        requireBound(tenant);
        db.resultQuery("select arki_add_membership({0})", DSL.val(account.value())).fetch();
    }

    private static void requireBound(TenantId tenant) {
        if (!TenantContext.current().filter(tenant::equals).isPresent()) {
            throw new IllegalStateException("A membership changes in the bound tenant only");
        }
    }

    /** Grants a role; false if the person had it already. */
    public boolean grant(TenantId tenant, PersonId person, Role role) {
        return db.insertInto(PERSON_ROLE, PERSON_ROLE.TENANT_ID, PERSON_ROLE.PERSON_ID, PERSON_ROLE.ROLE)
                .values(tenant.value(), person.value(), role.code())
                .onConflictDoNothing()
                .execute() > 0;
    }

    /** Revokes a role; false if the person did not have it. */
    public boolean revoke(PersonId person, Role role) {
        return db.deleteFrom(PERSON_ROLE)
                .where(PERSON_ROLE.PERSON_ID.eq(person.value()), PERSON_ROLE.ROLE.eq(role.code()))
                .execute() > 0;
    }

    public int countWithRole(Role role) {
        return db.fetchCount(PERSON_ROLE, PERSON_ROLE.ROLE.eq(role.code()));
    }

    public Optional<Person> find(PersonId id) {
        return db.selectFrom(PERSON).where(PERSON.ID.eq(id.value())).fetchOptional(People::toPerson);
    }

    public void update(Person person) {
        db.update(PERSON)
                .set(PERSON.DISPLAY_NAME, person.displayName())
                .set(PERSON.EMAIL, person.email())
                .where(PERSON.ID.eq(person.id().value()))
                .execute();
    }

    public Optional<Person> withoutAccountByEmail(String email) {
        return db.selectFrom(PERSON)
                .where(PERSON.ACCOUNT_ID.isNull(), PERSON.EMAIL.equalIgnoreCase(email))
                .orderBy(PERSON.CREATED_AT)
                .limit(1)
                .fetchOptional(People::toPerson);
    }

    public void setAccount(PersonId person, AccountId account) {
        db.update(PERSON).set(PERSON.ACCOUNT_ID, account.value()).where(PERSON.ID.eq(person.value())).execute();
    }

    public void removeFromTeam(TeamId team, PersonId person) {
        db.deleteFrom(TEAM_MEMBER).where(TEAM_MEMBER.TEAM_ID.eq(team.value()), TEAM_MEMBER.PERSON_ID.eq(person.value())).execute();
    }

    public List<DirectoryManagement.Membership> teamsOf(PersonId person) {
        return db.select(TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.SUPERVISOR).from(TEAM_MEMBER)
                .where(TEAM_MEMBER.PERSON_ID.eq(person.value()))
                .fetch(r -> new DirectoryManagement.Membership(new TeamId(r.value1()), r.value2()));
    }

    public void addToTeam(TenantId tenant, TeamId team, PersonId person, boolean supervisor) {
        db.insertInto(TEAM_MEMBER, TEAM_MEMBER.TENANT_ID, TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.PERSON_ID, TEAM_MEMBER.SUPERVISOR)
                .values(tenant.value(), team.value(), person.value(), supervisor)
                .onConflict(TEAM_MEMBER.TENANT_ID, TEAM_MEMBER.TEAM_ID, TEAM_MEMBER.PERSON_ID)
                .doUpdate().set(TEAM_MEMBER.SUPERVISOR, supervisor)
                .execute();
    }

    public Optional<Person> findByAccount(AccountId account) {
        return db.selectFrom(PERSON).where(PERSON.ACCOUNT_ID.eq(account.value())).fetchOptional(People::toPerson);
    }

    /** The tenant's people, without those removed. */
    public List<Person> all() {
        return db.selectFrom(PERSON).where(PERSON.REMOVED_AT.isNull()).orderBy(PERSON.DISPLAY_NAME).fetch(People::toPerson);
    }

    /** A person who has not been removed. */
    public Optional<Person> findCurrent(PersonId id) {
        return db.selectFrom(PERSON).where(PERSON.ID.eq(id.value()), PERSON.REMOVED_AT.isNull()).fetchOptional(People::toPerson);
    }

    /**
     * Removes a person of the bound tenant: the row keeps no name, e-mail or account (sessions and
     * targets still refer to it), and roles, teams and the account's way into the tenant go. False,
     * and nothing done, if the tenant has no such person.
     */
    public boolean remove(TenantId tenant, PersonId person, @Nullable AccountId account) {
        boolean removed = db.update(PERSON)
                .set(PERSON.DISPLAY_NAME, REMOVED_NAME)
                .setNull(PERSON.EMAIL)
                .setNull(PERSON.ACCOUNT_ID)
                .set(PERSON.REMOVED_AT, OffsetDateTime.now())
                .where(PERSON.ID.eq(person.value()), PERSON.TENANT_ID.eq(tenant.value()), PERSON.REMOVED_AT.isNull())
                .execute() > 0;
        if (!removed) {
            return false;
        }
        db.deleteFrom(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.eq(person.value())).execute();
        db.deleteFrom(TEAM_MEMBER).where(TEAM_MEMBER.PERSON_ID.eq(person.value())).execute();
        if (account != null) {
            requireBound(tenant);
            db.resultQuery("select arki_remove_membership({0})", DSL.val(account.value())).fetch();
        }
        return true;
    }

    public List<Person> membersOf(TeamId team) {
        return db.select(PERSON.fields()).from(PERSON)
                .join(TEAM_MEMBER).on(TEAM_MEMBER.TENANT_ID.eq(PERSON.TENANT_ID), TEAM_MEMBER.PERSON_ID.eq(PERSON.ID))
                .where(TEAM_MEMBER.TEAM_ID.eq(team.value()))
                .orderBy(PERSON.DISPLAY_NAME)
                .fetch(People::toPerson);
    }

    public Set<Role> rolesOf(PersonId person) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        db.select(PERSON_ROLE.ROLE).from(PERSON_ROLE).where(PERSON_ROLE.PERSON_ID.eq(person.value()))
                .forEach(r -> roles.add(Role.ofCode(r.value1())));
        return roles;
    }

    public List<TenantId> tenantsOf(AccountId account) {
        return db.select(ACCOUNT_TENANT.MEMBER_OF_TENANT_ID).from(ACCOUNT_TENANT)
                .where(ACCOUNT_TENANT.ACCOUNT_ID.eq(account.value()))
                .fetch(r -> new TenantId(r.value1()));
    }

    private static Person toPerson(Record r) {
        var account = r.get(PERSON.ACCOUNT_ID);
        return new Person(new PersonId(r.get(PERSON.ID)), r.get(PERSON.DISPLAY_NAME), r.get(PERSON.EMAIL),
                account == null ? null : new AccountId(account));
    }
}
