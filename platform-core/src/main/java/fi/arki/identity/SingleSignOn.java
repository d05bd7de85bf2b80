package fi.arki.identity;

import fi.arki.shared.TenantId;
import java.util.List;
import java.util.Set;

/**
 * A single sign-on user after sign-in: the account, the tenants their organizations lead to (the
 * only tenants they may act in during this sign-in) and their place in each.
 */
public record SingleSignOn(Account account, List<Membership> memberships) {

    public SingleSignOn {
        memberships = List.copyOf(memberships);
    }

    public Set<TenantId> tenants() {
        return Set.copyOf(memberships.stream().map(m -> m.tenant().id()).toList());
    }
}
