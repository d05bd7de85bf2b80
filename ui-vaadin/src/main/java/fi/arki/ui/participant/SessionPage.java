package fi.arki.ui.participant;

import org.jspecify.annotations.Nullable;

/**
 * The participant's whole session page: the shell around the step. {@code stepHtml} is the shared
 * step fragment with the participant's own part already in its slot; both are escaped by their
 * templates, so the shell puts them in as they are.
 */
public record SessionPage(String session, long version, String title, int present, @Nullable String timerEndsAt,
                          String timerText, String stepHtml) {
}
