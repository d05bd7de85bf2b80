package fi.arki.session;

/**
 * How many participants of one closed session gave one value in one rate or pulse step. Raw
 * counts per session: whoever shows them further must hold back groups smaller than the tenant's
 * anonymity threshold (the insight module does).
 */
public record RatingCount(SessionId session, String cardId, String activityId, int value, int count) {
}
