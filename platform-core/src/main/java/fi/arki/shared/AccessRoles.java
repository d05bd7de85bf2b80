package fi.arki.shared;

/**
 * The role names that access rules use ({@code @RolesAllowed(AccessRoles.TENANT_ADMIN)}): the
 * three tenant roles a person holds in the tenant they act in, and the one global role.
 */
public final class AccessRoles {

    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String FACILITATOR = "FACILITATOR";
    public static final String MEMBER = "MEMBER";
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private AccessRoles() {
    }
}
