package fi.arki.session;

import fi.arki.shared.TenantId;

/** What a join code leads to. Resolved before the joiner's tenant is known. */
public record JoinTarget(String code, TenantId tenant, SessionId session) {
}
