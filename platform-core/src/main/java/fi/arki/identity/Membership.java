package fi.arki.identity;

import fi.arki.directory.PersonId;
import fi.arki.directory.Role;
import fi.arki.tenancy.Tenant;
import java.util.Set;

/** An account's place in one tenant: the person it is there and the roles that person holds. */
public record Membership(Tenant tenant, PersonId person, Set<Role> roles) {

    public Membership {
        roles = Set.copyOf(roles);
    }
}
