/**
 * Decks: the registry of installed, versioned card decks (code decks and uploaded content decks)
 * and their enablement per tenant.
 */
@NullMarked
package fi.arki.deck;

import org.jspecify.annotations.NullMarked;
