package fi.arki.deck;

import org.jspecify.annotations.Nullable;

/** Where a deck's content comes from, shown with the deck: e.g. Juuti (2015) via the thesis. */
public record Provenance(String source, @Nullable String reference, @Nullable String url) {
}
