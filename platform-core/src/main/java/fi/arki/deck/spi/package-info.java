/**
 * The one thing a deck module implements: a {@link fi.arki.deck.spi.DeckProvider} that serves a
 * deck's content (deck.yaml plus messages per language), the same files an uploaded content deck has.
 */
@NullMarked
@NamedInterface("spi")
package fi.arki.deck.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
