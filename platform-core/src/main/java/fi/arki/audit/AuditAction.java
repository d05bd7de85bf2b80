package fi.arki.audit;

/**
 * The actions Arki audits, as {@code area.verb} codes. A module that audits something new adds a
 * constant here (the admin UI translates {@code audit.action.<code>}).
 */
public final class AuditAction {

    public static final String SIGN_IN = "auth.sign-in";
    public static final String SIGN_OUT = "auth.sign-out";
    public static final String ACCOUNT_LOCKED = "auth.account-locked";
    public static final String ACCESS_DENIED = "auth.access-denied";
    public static final String PASSWORD_CHANGED = "account.password-changed";
    public static final String ACCOUNT_CREATED = "account.created";
    public static final String ACCOUNT_UNLOCKED = "account.unlocked";
    public static final String ROLE_GRANTED = "role.granted";
    public static final String ROLE_REVOKED = "role.revoked";
    public static final String PERSON_REMOVED = "person.removed";
    public static final String TENANT_CREATED = "tenant.created";
    public static final String TENANT_RENAMED = "tenant.renamed";
    public static final String TENANT_MERGED = "tenant.merged";
    public static final String TENANT_ORGANIZATION_LINKED = "tenant.organization-linked";
    public static final String TENANT_SETTINGS_CHANGED = "tenant.settings-changed";
    public static final String DECK_INSTALLED = "deck.installed";
    public static final String DECK_ENABLED = "deck.enabled";
    public static final String DECK_DISABLED = "deck.disabled";
    public static final String DECK_SETTINGS_CHANGED = "deck.settings-changed";
    public static final String IDEA_STATUS_CHANGED = "idea.status-changed";
    public static final String ACCOUNT_DELETED = "account.deleted";
    public static final String EXPORT_CREATED = "data.exported";
    public static final String DELETED = "data.deleted";
    public static final String IMPORTED = "data.imported";
    public static final String NO_NEW_TARGET_DECIDED = "session.no-new-target";
    public static final String NO_NEW_TARGET_WITHDRAWN = "session.no-new-target-withdrawn";

    private AuditAction() {
    }
}
