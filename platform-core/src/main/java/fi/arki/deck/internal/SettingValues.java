package fi.arki.deck.internal;

import fi.arki.deck.DeckProblem;
import fi.arki.deck.Setting;
import java.util.Optional;

/** Whether a value (as text) is right for a typed deck setting; used for deck defaults and for what an administrator enters. */
public final class SettingValues {

    static final int MAX_TEXT = 500;

    private SettingValues() {
    }

    /** The problem with the value, if any. */
    public static Optional<DeckProblem> check(Setting s, String value) {
        return switch (s.type()) {
            case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of(DeckProblem.of("deck.problem.setting-boolean", s.key()));
            case INTEGER -> {
                int v;
                try {
                    v = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    yield Optional.of(DeckProblem.of("deck.problem.setting-integer", s.key()));
                }
                if ((s.min() != null && v < s.min()) || (s.max() != null && v > s.max())) {
                    yield Optional.of(DeckProblem.of("deck.problem.setting-out-of-range", s.key(),
                            s.min() == null ? "" : s.min(), s.max() == null ? "" : s.max()));
                }
                yield Optional.empty();
            }
            case TEXT -> value.length() > MAX_TEXT || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')
                    ? Optional.of(DeckProblem.of("deck.problem.setting-text", s.key(), MAX_TEXT)) : Optional.empty();
            case CHOICE -> s.choices().contains(value) ? Optional.empty()
                    : Optional.of(DeckProblem.of("deck.problem.setting-choice", s.key(), String.join(", ", s.choices())));
        };
    }
}
