package fi.arki.audit.internal;

import static fi.arki.audit.internal.db.Tables.AUDIT_LOG;

import fi.arki.audit.AuditEntry;
import fi.arki.audit.AuditEvent;
import fi.arki.audit.AuditOutcome;
import fi.arki.shared.AccountId;
import fi.arki.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit log table: insert and select only (the runtime role can do nothing else with it). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class AuditEntries {

    /** The {@code detail} column: a JSON object of strings (jsonb, so how it is spaced or ordered on the way in does not matter). */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> DETAIL = new TypeReference<>() {
    };

    private final DSLContext db;

    AuditEntries(DSLContext db) {
        this.db = db;
    }

    public void insert(String actor, @Nullable AccountId account, @Nullable TenantId tenant, AuditEvent event) {
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTOR_ACCOUNT_ID, account == null ? null : account.value())
                .set(AUDIT_LOG.AUDIT_TENANT_ID, tenant == null ? null : tenant.value())
                .set(AUDIT_LOG.ACTION, event.action())
                .set(AUDIT_LOG.OBJECT_TYPE, event.objectType())
                .set(AUDIT_LOG.OBJECT_ID, event.objectId())
                .set(AUDIT_LOG.OUTCOME, event.outcome().code())
                .set(AUDIT_LOG.DETAIL, JSONB.valueOf(detailJson(event.detail())))
                .execute();
    }

    /**
     * The newest entries of one tenant (row level security shows them only while that tenant is
     * bound), or of everything when {@code tenant} is null: the platform administrator's view,
     * through {@code arki_audit_log_newest} (V85), the one read that is not bound to a tenant.
     */
    public List<AuditEntry> newest(@Nullable TenantId tenant, int limit) {
        if (tenant == null) {
            return db.fetch("select * from arki_audit_log_newest({0})", org.jooq.impl.DSL.val(limit)).into(AUDIT_LOG)
                    .map(AuditEntries::toEntry);
        }
        return db.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.AUDIT_TENANT_ID.eq(tenant.value()))
                .orderBy(AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(AuditEntries::toEntry);
    }

    private static AuditEntry toEntry(Record r) {
        UUID account = r.get(AUDIT_LOG.ACTOR_ACCOUNT_ID);
        UUID tenant = r.get(AUDIT_LOG.AUDIT_TENANT_ID);
        JSONB detail = r.get(AUDIT_LOG.DETAIL);
        return new AuditEntry(r.get(AUDIT_LOG.ID), r.get(AUDIT_LOG.OCCURRED_AT).toInstant(), r.get(AUDIT_LOG.ACTOR),
                account == null ? null : new AccountId(account), tenant == null ? null : new TenantId(tenant),
                r.get(AUDIT_LOG.ACTION), r.get(AUDIT_LOG.OBJECT_TYPE), r.get(AUDIT_LOG.OBJECT_ID),
                AuditOutcome.valueOf(r.get(AUDIT_LOG.OUTCOME).toUpperCase(Locale.ROOT)),
                detail == null ? Map.of() : detailOf(detail.data()));
    }

    static String detailJson(Map<String, String> detail) {
        return JSON.writeValueAsString(detail);
    }

    static Map<String, String> detailOf(String json) {
        return JSON.readValue(json, DETAIL);
    }
}
