package fi.arki.ui.participant;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One participant's own part of the current step: the forms (with their CSRF token), their own
 * answers, their own dots and rating. Rendered per participant, unlike {@link StepView}.
 */
public record PersonalView(String session, int step, String kind, boolean locked, String csrfName, String csrfToken,
                           @Nullable Writing writing, @Nullable Vote vote, @Nullable Rate rate, @Nullable Journey journey,
                           @Nullable String problem) {

    /** The answer form and the participant's own answers; {@code typed} is text the server refused (kept, marked refused). */
    public record Writing(String nextId, boolean lanes, String lane, String typed, @Nullable String problem, int max,
                          List<OwnAnswer> mine) {
    }

    public record OwnAnswer(String id, @Nullable String lane, String text, boolean deletable) {
    }

    public record Vote(int budget, int left, boolean revealed, List<VoteItem> items) {
    }

    public record VoteItem(String id, String text, int mine, boolean canAdd, boolean canRemove, @Nullable String total) {
    }

    public record Rate(List<Choice> choices, String scaleHelp, int chosen) {
    }

    public record Choice(int value, String label, boolean chosen) {
    }

    public record Journey(String nextId, List<Option> stages, List<Option> owners, List<Option> emotions, List<Option> efforts,
                          @Nullable String full, @Nullable String problem) {
    }

    public record Option(String value, String label) {
    }
}
