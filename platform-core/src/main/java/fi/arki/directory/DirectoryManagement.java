package fi.arki.directory;

import fi.arki.directory.internal.People;
import fi.arki.directory.internal.Units;
import fi.arki.shared.AccountId;
import fi.arki.shared.InvalidInputException;
import fi.arki.shared.Names;
import fi.arki.shared.TenantId;
import fi.arki.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Units, teams, people and roles of the tenant bound to the current call. */
@Service
@Transactional
public class DirectoryManagement {

    private final Units units;
    private final People people;

    DirectoryManagement(Units units, People people) {
        this.units = units;
        this.people = people;
    }

    public Unit createUnit(String name) {
        String clean = Names.require(name);
        if (units.unitNamed(clean).isPresent()) {
            throw new InvalidInputException("error.unit.name-taken", clean);
        }
        Unit unit = new Unit(UnitId.random(), clean);
        units.insertUnit(TenantContext.require(), unit);
        return unit;
    }

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

    @Transactional(readOnly = true)
    public Organisation organisation() {
        return new Organisation(units.units().stream()
                .map(u -> new Organisation.UnitWithTeams(u, units.teamsOf(u.id())))
                .toList());
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return units.teams();
    }

    @Transactional(readOnly = true)
    public Optional<Team> findTeam(TeamId id) {
        return units.findTeam(id);
    }

    /** Adds a person; with an account, the account may from now on act in this tenant. */
    public Person addPerson(String displayName, @Nullable String email, @Nullable AccountId account) {
        Person person = new Person(PersonId.random(), Names.require(displayName), email, account);
        TenantId tenant = TenantContext.require();
        people.insert(tenant, person);
        if (account != null) {
            people.linkAccount(account, tenant);
        }
        return person;
    }

    public void grantRole(PersonId person, Role role) {
        people.grant(TenantContext.require(), person, role);
    }

    public void addToTeam(TeamId team, PersonId person, boolean supervisor) {
        people.addToTeam(TenantContext.require(), team, person, supervisor);
    }

    @Transactional(readOnly = true)
    public Optional<Person> personOf(AccountId account) {
        return people.findByAccount(account);
    }

    @Transactional(readOnly = true)
    public Set<Role> rolesOf(PersonId person) {
        return people.rolesOf(person);
    }

    @Transactional(readOnly = true)
    public List<Person> people() {
        return people.all();
    }

    @Transactional(readOnly = true)
    public List<Person> membersOf(TeamId team) {
        return people.membersOf(team);
    }

    /** The tenants an account may act in. Needs no tenant: it is read at sign-in. */
    @Transactional(readOnly = true)
    public List<TenantId> tenantsOf(AccountId account) {
        return people.tenantsOf(account);
    }
}
