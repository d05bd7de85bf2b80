package fi.arki.session;

/** A session runs until its facilitator closes it or nobody has touched it for a while. */
public enum SessionStatus {
    RUNNING, CLOSED
}
