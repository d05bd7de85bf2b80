package fi.arki.directory;

import fi.arki.directory.internal.People;
import fi.arki.directory.internal.Units;
import fi.arki.shared.AccessRoles;
import fi.arki.shared.Callers;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units, teams, people and roles of the tenant bound to the current call. */
@Service
@Transactional
public class DirectoryManagement {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final Units units;
    private final People people;
    private final ApplicationEventPublisher events;

    DirectoryManagement(Units units, People people, ApplicationEventPublisher events) {
        this.units = units;
        this.people = people;
        this.events = events;
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Unit createUnit(String name) {
        String clean = Names.require(name);
        if (units.unitNamed(clean).isPresent()) {
            throw new InvalidInputException("error.unit.name-taken", clean);
        }
        Unit unit = new Unit(UnitId.random(), clean);
        units.insertUnit(TenantContext.require(), unit);
        return unit;
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Unit renameUnit(UnitId unitId, String name) {
        String clean = Names.require(name);
        if (units.findUnit(unitId).isEmpty()) {
            throw new InvalidInputException("error.unit.not-found");
        }
        if (units.unitNamed(clean).filter(u -> !u.id().equals(unitId)).isPresent()) {
            throw new InvalidInputException("error.unit.name-taken", clean);
        }
        units.renameUnit(unitId, clean);
        return new Unit(unitId, clean);
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Team createTeam(UnitId unitId, String name) {
        String clean = Names.require(name);
        if (units.findUnit(unitId).isEmpty()) {
            throw new InvalidInputException("error.unit.not-found");
        }
        if (units.teamsOf(unitId).stream().anyMatch(t -> t.name().equalsIgnoreCase(clean))) {
            throw new InvalidInputException("error.team.name-taken", clean);
        }
        Team team = new Team(TeamId.random(), unitId, clean);
        units.insertTeam(TenantContext.require(), team);
        return team;
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Team renameTeam(TeamId teamId, String name) {
        String clean = Names.require(name);
        Team team = units.findTeam(teamId).orElseThrow(() -> new InvalidInputException("error.team.not-found"));
        if (units.teamsOf(team.unitId()).stream().anyMatch(t -> !t.id().equals(teamId) && t.name().equalsIgnoreCase(clean))) {
            throw new InvalidInputException("error.team.name-taken", clean);
        }
        units.renameTeam(teamId, clean);
        return new Team(teamId, team.unitId(), clean);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Organisation organisation() {
        return new Organisation(units.units().stream()
                .map(u -> new Organisation.UnitWithTeams(u, units.teamsOf(u.id())))
                .toList());
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Team> teams() {
        return units.teams();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Team> findTeam(TeamId id) {
        return units.findTeam(id);
    }

    /** Adds a person; with an account, the account may from now on act in this tenant. */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    public Person addPerson(String displayName, @Nullable String email, @Nullable AccountId account) {
        Person person = new Person(PersonId.random(), Names.require(displayName), cleanEmail(email), account);
        TenantId tenant = TenantContext.require();
        if (account != null && people.findByAccount(account).isPresent()) {
            throw new InvalidInputException("error.person.account-taken");
        }
        // a tenant administrator links only a new account (one they just created); linking someone's
        // existing account would bring that user, and what the account says of them, into this tenant
        if (account != null && !Callers.system() && !Callers.platformAdmin() && !people.tenantsOf(account).isEmpty()) {
            throw new InvalidInputException("error.person.account-taken");
        }
        people.insert(tenant, person);
        if (account != null) {
            people.linkAccount(account, tenant);
        }
        events.publishEvent(new PersonAdded(tenant, person.id()));
        return person;
    }

    /**
     * Makes sure a single sign-on account is a person of the bound tenant, the first time it signs in
     * there: a person with the same verified e-mail and no account yet becomes theirs, else a new
     * member is added. Called by identity while signing a user in (the Keycloak organization has
     * already vouched for the membership). Only the sign-in calls it, as the system: no user may.
     */
    @DenyAll
    public Person joinOnSignIn(AccountId account, String displayName, @Nullable String verifiedEmail) {
        Optional<Person> existing = people.findByAccount(account);
        if (existing.isPresent()) {
            return existing.get();
        }
        TenantId tenant = TenantContext.require();
        String email = verifiedEmail == null ? null : cleanEmail(verifiedEmail);
        Optional<Person> byEmail = email == null ? Optional.empty() : people.withoutAccountByEmail(email);
        Person person;
        if (byEmail.isPresent()) {
            person = new Person(byEmail.get().id(), byEmail.get().displayName(), byEmail.get().email(), account);
            people.setAccount(person.id(), account);
        } else {
            person = new Person(PersonId.random(), Names.require(displayName), email, account);
            people.insert(tenant, person);
            people.grant(tenant, person.id(), Role.MEMBER);
            events.publishEvent(new PersonAdded(tenant, person.id()));
            events.publishEvent(new RoleGranted(tenant, person.id(), Role.MEMBER));
        }
        people.linkAccount(account, tenant);
        return person;
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Person updatePerson(PersonId id, String displayName, @Nullable String email) {
        Person person = people.findCurrent(id).orElseThrow(() -> new InvalidInputException("error.person.not-found"));
        Person changed = new Person(id, Names.require(displayName), cleanEmail(email), person.account());
        people.update(changed);
        return changed;
    }

    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    public void grantRole(PersonId person, Role role) {
        if (people.findCurrent(person).isEmpty()) {
            throw new InvalidInputException("error.person.not-found");
        }
        if (people.grant(TenantContext.require(), person, role)) {
            events.publishEvent(new RoleGranted(TenantContext.require(), person, role));
        }
    }

    /** Takes a role away; the tenant's last administrator keeps theirs. */
    @RolesAllowed({AccessRoles.TENANT_ADMIN, AccessRoles.PLATFORM_ADMIN})
    public void revokeRole(PersonId person, Role role) {
        if (role == Role.TENANT_ADMIN && people.rolesOf(person).contains(Role.TENANT_ADMIN)
                && people.countWithRole(Role.TENANT_ADMIN) <= 1) {
            throw new InvalidInputException("error.role.last-admin");
        }
        if (people.revoke(person, role)) {
            events.publishEvent(new RoleRevoked(TenantContext.require(), person, role));
        }
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public void addToTeam(TeamId team, PersonId person, boolean supervisor) {
        if (units.findTeam(team).isEmpty()) {
            throw new InvalidInputException("error.team.not-found");
        }
        if (people.findCurrent(person).isEmpty()) {
            throw new InvalidInputException("error.person.not-found");
        }
        people.addToTeam(TenantContext.require(), team, person, supervisor);
    }

    /**
     * Removes a person from the tenant, for someone who leaves the organisation or asks to be
     * forgotten: their roles, teams, name, e-mail and the account's way into this tenant go; the row
     * stays, nameless, because sessions and targets refer to it. The tenant's last administrator and
     * the caller themselves cannot be removed. Returns the account the person had, if any (the caller
     * decides whether it goes too). Other modules forget their own copies: see tenant-admin's
     * {@code PersonRemovalManagement}.
     */
    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public Optional<AccountId> removePerson(PersonId id) {
        Person person = people.findCurrent(id).orElseThrow(() -> new InvalidInputException("error.person.not-found"));
        if (person.account() != null && Callers.account().filter(person.account()::equals).isPresent()) {
            throw new InvalidInputException("error.person.remove-self");
        }
        if (people.rolesOf(id).contains(Role.TENANT_ADMIN) && people.countWithRole(Role.TENANT_ADMIN) <= 1) {
            throw new InvalidInputException("error.person.remove-last-admin");
        }
        TenantId tenant = TenantContext.require();
        people.remove(tenant, id, person.account());
        events.publishEvent(new PersonRemoved(tenant, id));
        return person.accountId();
    }

    @RolesAllowed(AccessRoles.TENANT_ADMIN)
    public void removeFromTeam(TeamId team, PersonId person) {
        people.removeFromTeam(team, person);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Person> findPerson(PersonId id) {
        return people.find(id);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<Person> personOf(AccountId account) {
        return people.findByAccount(account);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Set<Role> rolesOf(PersonId person) {
        return people.rolesOf(person);
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Person> people() {
        return people.all();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<Person> membersOf(TeamId team) {
        return people.membersOf(team);
    }

    /** The teams a person belongs to, and whether they lead each. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<Membership> teamsOf(PersonId person) {
        return people.teamsOf(person);
    }

    /**
     * The tenants an account may act in. Needs no tenant: it is read at sign-in. Only for the
     * account's own user (and Arki itself, platform administrators): which tenants someone else
     * belongs to is no tenant's business (T-03).
     */
    @PermitAll
    @Transactional(readOnly = true)
    public List<TenantId> tenantsOf(AccountId account) {
        return Callers.systemPlatformAdminOrOwner(account) ? people.tenantsOf(account) : List.of();
    }

    private static @Nullable String cleanEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String clean = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(clean).matches()) {
            throw new InvalidInputException("error.person.email-format");
        }
        return clean;
    }

    /** A person's place in a team. */
    public record Membership(TeamId team, boolean supervisor) {
    }
}
