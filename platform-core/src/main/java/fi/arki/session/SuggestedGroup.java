package fi.arki.session;

import java.util.List;
import java.util.UUID;

/** A group of similar answers the facilitator may accept (it becomes a group) or reject. */
public record SuggestedGroup(String label, List<UUID> answers) {

    public SuggestedGroup {
        answers = List.copyOf(answers);
    }
}
