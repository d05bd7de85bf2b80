package fi.arki.directory.internal;

import static fi.arki.directory.internal.db.Tables.TEAM;
import static fi.arki.directory.internal.db.Tables.UNIT;

import fi.arki.directory.Team;
import fi.arki.directory.TeamId;
import fi.arki.directory.Unit;
import fi.arki.directory.UnitId;
import fi.arki.shared.TenantId;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Units and teams. Queries name no tenant: row level security limits them to the tenant bound to
 * the transaction, and a transaction is mandatory so that there always is a binding.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class Units {

    private final DSLContext db;

    Units(DSLContext db) {
        this.db = db;
    }

    public void insertUnit(TenantId tenant, Unit unit) {
        db.insertInto(UNIT, UNIT.TENANT_ID, UNIT.ID, UNIT.NAME)
                .values(tenant.value(), unit.id().value(), unit.name())
                .execute();
    }

    public void insertTeam(TenantId tenant, Team team) {
        db.insertInto(TEAM, TEAM.TENANT_ID, TEAM.ID, TEAM.UNIT_ID, TEAM.NAME)
                .values(tenant.value(), team.id().value(), team.unitId().value(), team.name())
                .execute();
    }

    public void renameUnit(UnitId unit, String name) {
        db.update(UNIT).set(UNIT.NAME, name).where(UNIT.ID.eq(unit.value())).execute();
    }

    public void renameTeam(TeamId team, String name) {
        db.update(TEAM).set(TEAM.NAME, name).where(TEAM.ID.eq(team.value())).execute();
    }

    public void moveTeam(TeamId team, UnitId unit) {
        db.update(TEAM).set(TEAM.UNIT_ID, unit.value()).where(TEAM.ID.eq(team.value())).execute();
    }

    /**
     * Deletes a team and its memberships; false if the tenant has no such team. The database refuses
     * (an integrity violation) if anything else still refers to the team: sessions, targets.
     */
    public boolean deleteTeam(TeamId team) {
        return db.deleteFrom(TEAM).where(TEAM.ID.eq(team.value())).execute() > 0;
    }

    /** Deletes a unit; false if the tenant has no such unit. Refused by the database while teams or sessions refer to it. */
    public boolean deleteUnit(UnitId unit) {
        return db.deleteFrom(UNIT).where(UNIT.ID.eq(unit.value())).execute() > 0;
    }

    public List<Unit> units() {
        return db.select(UNIT.ID, UNIT.NAME).from(UNIT).orderBy(UNIT.NAME)
                .fetch(r -> new Unit(new UnitId(r.value1()), r.value2()));
    }

    public Optional<Unit> findUnit(UnitId id) {
        return db.select(UNIT.ID, UNIT.NAME).from(UNIT).where(UNIT.ID.eq(id.value()))
                .fetchOptional(r -> new Unit(new UnitId(r.value1()), r.value2()));
    }

    public Optional<Unit> unitNamed(String name) {
        return db.select(UNIT.ID, UNIT.NAME).from(UNIT).where(UNIT.NAME.equalIgnoreCase(name))
                .fetchOptional(r -> new Unit(new UnitId(r.value1()), r.value2()));
    }

    public List<Team> teamsOf(UnitId unit) {
        return db.selectFrom(TEAM).where(TEAM.UNIT_ID.eq(unit.value())).orderBy(TEAM.NAME).fetch(Units::toTeam);
    }

    public List<Team> teams() {
        return db.selectFrom(TEAM).orderBy(TEAM.NAME).fetch(Units::toTeam);
    }

    public Optional<Team> findTeam(TeamId id) {
        return db.selectFrom(TEAM).where(TEAM.ID.eq(id.value())).fetchOptional(Units::toTeam);
    }

    private static Team toTeam(Record r) {
        return new Team(new TeamId(r.get(TEAM.ID)), new UnitId(r.get(TEAM.UNIT_ID)), r.get(TEAM.NAME));
    }
}
