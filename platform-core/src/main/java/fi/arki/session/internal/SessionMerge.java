package fi.arki.session.internal;

import static fi.arki.session.internal.db.Tables.ANSWER;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUP;
import static fi.arki.session.internal.db.Tables.ANSWER_GROUPING;
import static fi.arki.session.internal.db.Tables.JOIN_CODE;
import static fi.arki.session.internal.db.Tables.LIVE_SESSION;
import static fi.arki.session.internal.db.Tables.PARTICIPANT;
import static fi.arki.session.internal.db.Tables.RATING;
import static fi.arki.session.internal.db.Tables.SESSION_FACILITATOR;
import static fi.arki.session.internal.db.Tables.SESSION_STEP;
import static fi.arki.session.internal.db.Tables.SESSION_TEAM;
import static fi.arki.session.internal.db.Tables.TOUCHPOINT;
import static fi.arki.session.internal.db.Tables.VOTE;

import fi.arki.tenancy.TenantMerge;
import fi.arki.tenancy.TenantMergeParticipant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a merged tenant's sessions — with their steps, participants, answers, groups, votes,
 * ratings and touchpoints — into the tenant it merges into, keeping ids, times and versions; the
 * people they name follow the directory's remapping; running sessions keep their join codes.
 */
@Component
class SessionMerge implements TenantMergeParticipant {

    /** Parents before children; deleted in the reverse order. */
    private static final List<Table<? extends TableRecord<?>>> TABLES = List.of(LIVE_SESSION, SESSION_TEAM, SESSION_FACILITATOR,
            SESSION_STEP, PARTICIPANT, ANSWER, ANSWER_GROUP, ANSWER_GROUPING, VOTE, RATING, TOUCHPOINT);
    private static final List<Field<UUID>> PEOPLE = List.of(LIVE_SESSION.CREATED_BY, SESSION_FACILITATOR.PERSON_ID, PARTICIPANT.PERSON_ID);
    static final String PERSON_KIND = "person";

    private final DSLContext db;

    SessionMerge(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "session";
    }

    @Override
    public Set<String> after() {
        return Set.of("directory");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void copy(TenantMerge merge) {
        UUID target = merge.target().id().value();
        for (Table<? extends TableRecord<?>> table : TABLES) {
            copyTable(merge, table, target);
        }
        db.update(JOIN_CODE).set(JOIN_CODE.SESSION_TENANT_ID, target)
                .where(JOIN_CODE.SESSION_TENANT_ID.eq(merge.source().id().value())).execute();
    }

    private <R extends TableRecord<R>> void copyTable(TenantMerge merge, Table<? extends TableRecord<?>> generic, UUID target) {
        @SuppressWarnings("unchecked")
        Table<R> table = (Table<R>) generic;
        @SuppressWarnings("unchecked")
        Field<UUID> tenant = (Field<UUID>) table.field("tenant_id");
        List<R> rows = merge.asSource(() -> db.selectFrom(table).fetch());
        merge.asTarget(() -> {
            for (R row : rows) {
                row.set(tenant, target);
                for (Field<UUID> person : PEOPLE) {
                    if (table.field(person) != null && row.get(person.getName(), UUID.class) != null) {
                        @SuppressWarnings("unchecked")
                        Field<UUID> own = (Field<UUID>) table.field(person.getName());
                        row.set(own, merge.resolve(PERSON_KIND, row.get(own)));
                    }
                }
                row.changed(true);
                db.insertInto(table).set(row).onConflictDoNothing().execute();
            }
        });
        merge.moved(table.getName(), rows.size());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteSource(TenantMerge merge) {
        merge.asSource(() -> {
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                db.deleteFrom(TABLES.get(i)).execute();
            }
        });
    }
}
