package fi.arki.session;

import fi.arki.shared.TenantId;

/**
 * Published when a commit-targets step's "no new target" is recorded ({@code decided}) or
 * withdrawn; {@code reason} says who withdrew it: {@code facilitator}, or {@code target-committed}
 * when a target was committed after all. The audit log records it in words.
 */
public record NoNewTargetChanged(TenantId tenantId, SessionId session, int step, boolean decided, String reason) {
}
