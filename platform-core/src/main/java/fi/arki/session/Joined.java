package fi.arki.session;

/**
 * A participant's pass back into its session after a reload or a lost connection: the browser
 * keeps it (only a hash of the secret is stored), so no person needs to be recorded.
 */
public record Joined(SessionId session, ParticipantId participant, String secret) {

    public String token() {
        return participant.value() + "." + secret;
    }
}
