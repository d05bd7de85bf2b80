package fi.arki.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It happened. */
    SUCCESS,
    /** It was tried and failed (a wrong password, invalid input). */
    FAILURE,
    /** The actor was not allowed to do it. */
    DENIED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
