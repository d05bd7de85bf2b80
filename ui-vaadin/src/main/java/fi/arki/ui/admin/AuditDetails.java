package fi.arki.ui.admin;

import fi.arki.audit.AuditEntry;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An audit entry's details in words ("Sign-in method: Arki's own password") instead of the stored
 * codes ({@code method=local}). Names and values the UI has no words for are shown as stored, so
 * nothing recorded is hidden.
 */
final class AuditDetails {

    /** Detail names with a label (audit.detail.&lt;name&gt;). */
    static final Set<String> NAMES = Set.of("accounts", "error", "from", "into", "languages", "method", "name", "official",
            "origin", "reason", "responded", "role", "rows", "slug", "source", "step", "tables", "targets", "team", "to", "username");

    /** Coded values with words (audit.value.&lt;name&gt;.&lt;value&gt;). */
    static final Map<String, Set<String>> VALUES = Map.of(
            "method", Set.of("local", "keycloak"),
            "reason", Set.of("administrator", "retention", "bad-credentials", "unknown-or-locked", "facilitator", "target-committed"),
            "source", Set.of("package"),
            "official", Set.of("true", "false"));

    private AuditDetails() {
    }

    static String text(AuditEntry entry, Function<String, String> texts) {
        return entry.detail().entrySet().stream().map(d -> {
            String name = d.getKey();
            String value = String.valueOf(d.getValue());
            String label = NAMES.contains(name) ? texts.apply("audit.detail." + name) : name;
            String shown = VALUES.getOrDefault(name, Set.of()).contains(value) ? texts.apply("audit.value." + name + "." + value) : value;
            return label + ": " + shown;
        }).collect(Collectors.joining(", "));
    }
}
