package fi.arki.shared;

/**
 * Someone who acts in Arki on their own account. The signed-in user's principal implements it, so
 * that modules which must name who did something (the audit log) can do so without knowing how
 * the user signed in.
 */
public interface Actor {

    AccountId accountId();

    /** How the actor is shown in logs: their name as it was when they acted. */
    String label();
}
