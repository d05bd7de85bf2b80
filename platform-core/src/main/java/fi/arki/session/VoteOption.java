package fi.arki.session;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One thing a vote step offers: a group, or an answer (an idea) that is in no group. Both take
 * dots from the same budget and are counted the same way in results and exports.
 */
public record VoteOption(UUID id, String text, @Nullable Lane lane, boolean group) {
}
