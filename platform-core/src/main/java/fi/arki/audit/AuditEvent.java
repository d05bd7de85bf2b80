package fi.arki.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a module hands to {@link AuditManagement#record}: the action, the object it touched and how
 * it ended. Who acted and in which tenant are read from the call's context.
 *
 * <pre>{@code audit.record(AuditEvent.of(AuditAction.DECK_INSTALLED, "deck", "juuti@1.2.0").with("source", "package"));}</pre>
 */
public record AuditEvent(String action, @Nullable String objectType, @Nullable String objectId,
                         AuditOutcome outcome, Map<String, String> detail) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        detail = Map.copyOf(detail);
    }

    public static AuditEvent of(String action, @Nullable String objectType, @Nullable Object objectId) {
        return new AuditEvent(action, objectType, objectId == null ? null : objectId.toString(), AuditOutcome.SUCCESS, Map.of());
    }

    public AuditEvent outcome(AuditOutcome outcome) {
        return new AuditEvent(action, objectType, objectId, outcome, detail);
    }

    /** Adds a detail (never answer text or other personal content: the log is kept longer than sessions). */
    public AuditEvent with(String key, @Nullable Object value) {
        Map<String, String> more = new LinkedHashMap<>(detail);
        more.put(key, String.valueOf(value));
        return new AuditEvent(action, objectType, objectId, outcome, more);
    }
}
