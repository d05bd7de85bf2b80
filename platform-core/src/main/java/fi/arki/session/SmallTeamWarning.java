package fi.arki.session;

/**
 * A session is about to start (or has started) for fewer people than the tenant's anonymity
 * threshold: unless enough participants (guests too) answer, no rating, pulse or NPS result of it
 * will be shown, live or in the summary. {@link #MESSAGE} takes {@code members} and {@code threshold}.
 */
public record SmallTeamWarning(int members, int threshold) {

    /** The UI text saying so, with what will not be shown (fi/sv/en). */
    public static final String MESSAGE = "session.start.small-team";
}
